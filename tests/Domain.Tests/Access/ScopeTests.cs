using EventHr.Domain.Access;

namespace EventHr.Domain.Tests.Access;

public sealed class ScopeTests
{
    private static readonly Person InA1 = new("E1", "A", "d1");
    private static readonly Person InA2 = new("E2", "A", "d2");
    private static readonly Person InB = new("E3", "B", "d1");

    private static Scope Of(string role, string? brand = null, string? department = null, string? employeeId = null) =>
        new(new HashSet<string> { role }, brand is null ? new HashSet<string>() : new HashSet<string> { brand }, department, employeeId);

    public static TheoryData<string, Scope, bool[]> Sees => new()
    {
        // sees A1, A2, B
        { "group HR", Of(Roles.Hr), [true, true, true] },
        { "brand HR", Of(Roles.Hr, "A"), [true, true, false] },
        { "department head", Of(Roles.Manager, "A", "d1"), [true, false, false] },
        { "head without a department", Of(Roles.Manager, "A"), [false, false, false] },
        { "employee", Of(Roles.Employee, employeeId: "E1"), [true, false, false] },
        { "brand auditor", Of(Roles.Auditor, "A"), [true, true, false] },
        { "admin", Of(Roles.Admin), [true, true, true] },
        { "feed", Of(Roles.Integration, "A"), [false, false, false] },
        { "head with HR of another brand", new(new HashSet<string> { Roles.Manager, Roles.Hr }, new HashSet<string> { "A" }, "d1", null), [true, true, false] },
    };

    [Theory, MemberData(nameof(Sees))]
    public void each_kind_of_user_sees_its_scope(string who, Scope scope, bool[] expected) =>
        new[] { scope.Sees(InA1), scope.Sees(InA2), scope.Sees(InB) }.ShouldBe(expected, who);

    [Fact]
    public void a_department_head_sees_the_person_but_not_the_salary_and_cannot_act_as_hr()
    {
        var head = Of(Roles.Manager, "A", "d1");
        head.Sees(InA1).ShouldBeTrue();
        head.SeesSensitive(InA1).ShouldBeFalse();
        head.WorksOn(InA1).ShouldBeTrue();
        head.ManagesStaffOf("A").ShouldBeFalse();
        head.Audits("A").ShouldBeFalse();
    }

    [Fact]
    public void the_employee_sees_their_own_salary_and_nobody_elses()
    {
        var self = Of(Roles.Employee, employeeId: "E1");
        self.SeesSensitive(InA1).ShouldBeTrue();
        self.SeesSensitive(InA2).ShouldBeFalse();
        self.WorksOn(InA1).ShouldBeFalse();
    }

    [Fact]
    public void a_manager_token_must_name_brand_and_department()
    {
        Of(Roles.Manager, "A").Refusal.ShouldNotBeNull();
        Of(Roles.Manager, department: "d1").Refusal.ShouldNotBeNull();
        Of(Roles.Manager, "A", "d1").Refusal.ShouldBeNull();
        Of(Roles.Hr).Refusal.ShouldBeNull();
        Of(Roles.Integration).Refusal.ShouldNotBeNull();
        new Scope(new HashSet<string> { Roles.Integration, Roles.Hr }, new HashSet<string>(), null, null).Refusal.ShouldBeNull();   // HR stands on its own
    }
}
