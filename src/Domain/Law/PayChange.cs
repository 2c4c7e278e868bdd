using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Law;

/// <summary>
/// G10, art. 35: pay is part of the contract. It may change with a signed agreement, or with a
/// reassignment whose new pay lies in the new post's pre-published band where the contract says pay
/// follows the post; never below the contract floor or the city's minimum wage in force then (a missing figure
/// refuses); no cut during pregnancy, maternity or nursing (Special Rules on Female Employees, art. 5). A cut with
/// neither basis is refused.
/// </summary>
public static class PayChange
{
    public const string Guard = "art35-pay-change-not-allowed";

    public static IReadOnlyList<LegalElement> ForReassignment(Employee employee, Post toPost, decimal newSalary, string? consentRef, LawInForce law,
        DateOnly effectiveOn, DateTimeOffset? bandFixedBy = null)
    {
        var elements = Floors(employee, newSalary, law, effectiveOn);
        // Keeping the pay is always allowed (G10): refusing it above the new band would push HR towards a cut.
        if (newSalary == employee.MonthlySalary) return elements;
        var inBand = newSalary >= toPost.PayBand.Min && newSalary <= toPost.PayBand.Max;
        // The band as published before the case's finding #1: one revised afterwards could be tailored to this cut.
        if (inBand && bandFixedBy is { } finding && toPost.PayBandSince > finding)
            elements.Add(LegalElement.Missing("band-published-before", Guard, "新岗位薪酬区间早于认定公布 the new post's band published before finding #1",
                $"{toPost.PostId}'s band was revised on {toPost.PayBandSince:yyyy-MM-dd}, after finding #1"));
        elements.Add(inBand
            ? LegalElement.Met("pay-in-new-band", Guard, "新岗位薪酬区间内 pay inside the new post's band", [$"post:{toPost.PostId}#band"])
            : LegalElement.Missing("pay-in-new-band", Guard, "新岗位薪酬区间内 pay inside the new post's band",
                $"{newSalary:0.00} is outside {toPost.PayBand.Min:0.00}–{toPost.PayBand.Max:0.00}"));
        if (newSalary < employee.MonthlySalary)
            elements.Add(Basis(employee, consentRef, newSalary, effectiveOn, allowContractClause: true));
        return elements;
    }

    public static IReadOnlyList<LegalElement> ForAdjustment(Employee employee, decimal newSalary, string? consentRef, LawInForce law, DateOnly effectiveOn)
    {
        var elements = Floors(employee, newSalary, law, effectiveOn);
        if (newSalary < employee.MonthlySalary) elements.Add(Basis(employee, consentRef, newSalary, effectiveOn, allowContractClause: false));
        return elements;
    }

    private static List<LegalElement> Floors(Employee employee, decimal newSalary, LawInForce law, DateOnly effectiveOn)
    {
        const string label = "不低于合同约定及最低工资 not below contract floor or minimum wage";
        var elements = new List<LegalElement>();
        var minimum = law.MinimumWageOn(employee, effectiveOn);
        if (minimum is null)
            elements.Add(LegalElement.Missing("pay-above-floor", Guard, label, string.Join("; ", law.CityFiguresOn(employee.Facts.City, effectiveOn)
                .Missing(effectiveOn).Where(m => !m.StartsWith("averageMonthlyWage")))));
        else
        {
            var floor = Math.Max(employee.Contract.MonthlySalaryFloor ?? 0m, minimum.Amount);
            elements.Add(newSalary >= floor
                ? LegalElement.Met("pay-above-floor", Guard, label, [$"employee:{employee.EmployeeId}#contract", $"law-figures:{minimum.City}"],
                    $"floor {floor:0.00} (minimum wage {minimum.Amount:0.00} from {minimum.EffectiveFrom:yyyy-MM-dd}, {minimum.Source})")
                : LegalElement.Missing("pay-above-floor", Guard, label, $"{newSalary:0.00} is below {floor:0.00}"));
        }
        if (newSalary < employee.MonthlySalary)
        {
            const string women = "孕期、产期、哺乳期不得降薪 no pay cut during pregnancy, maternity or nursing";
            var protectedBy = employee.ProtectionsOn(effectiveOn).Where(p => ProtectionKinds.NoPayCut.Contains(p.Kind)).ToList();
            elements.Add(protectedBy.Count == 0
                ? LegalElement.Met("no-cut-while-protected", Guard, women, [$"employee:{employee.EmployeeId}#protections"])
                : LegalElement.Missing("no-cut-while-protected", Guard, women, $"a protected status is in force on {effectiveOn:yyyy-MM-dd}"));
        }
        return elements;
    }

    /// <summary>A cut rests on a signed agreement on record for that very wage (a reference alone proves nothing), or on reassignment a contract clause.</summary>
    private static LegalElement Basis(Employee employee, string? consentRef, decimal newSalary, DateOnly effectiveOn, bool allowContractClause)
    {
        const string label = "降薪依据 a pay cut needs a signed agreement (or, on reassignment, a contract clause tying pay to post)";
        if (employee.AgreementFor(consentRef, newSalary, effectiveOn) is { } agreement)
            return LegalElement.Met("pay-cut-consent", Guard, label, [$"employee:{employee.EmployeeId}#agreement-{agreement.Reference}"],
                $"signed on {agreement.SignedOn:yyyy-MM-dd} ({agreement.Via})");
        if (allowContractClause && employee.Contract.PayAdjustableWithPost)
            return LegalElement.Met("pay-cut-consent", Guard, label, [$"employee:{employee.EmployeeId}#contract.payAdjustableWithPost"]);
        return LegalElement.Missing("pay-cut-consent", Guard, label, string.IsNullOrWhiteSpace(consentRef) ? null
            : $"no agreement '{consentRef}' for {newSalary:0.00} signed by {effectiveOn:yyyy-MM-dd} is on record");
    }
}
