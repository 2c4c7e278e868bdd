using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Law;

/// <summary>
/// G10, art. 35: pay is part of the contract. It may change with a signed agreement, or with a
/// reassignment whose new pay lies in the new post's pre-published band where the contract says pay
/// follows the post; never below the contract floor or the minimum wage. A cut with neither is refused.
/// </summary>
public static class PayChange
{
    public const string Guard = "art35-pay-change-not-allowed";

    public static IReadOnlyList<LegalElement> ForReassignment(Employee employee, Post toPost, decimal newSalary, string? consentRef, LawSettings law)
    {
        var elements = Floors(employee, newSalary, law);
        var inBand = newSalary >= toPost.PayBand.Min && newSalary <= toPost.PayBand.Max;
        elements.Add(inBand
            ? LegalElement.Met("pay-in-new-band", Guard, "新岗位薪酬区间内 pay inside the new post's band", [$"post:{toPost.PostId}#band"])
            : LegalElement.Missing("pay-in-new-band", Guard, "新岗位薪酬区间内 pay inside the new post's band",
                $"{newSalary:0.00} is outside {toPost.PayBand.Min:0.00}–{toPost.PayBand.Max:0.00}"));
        if (newSalary < employee.MonthlySalary)
            elements.Add(Basis(employee, consentRef, allowContractClause: true));
        return elements;
    }

    public static IReadOnlyList<LegalElement> ForAdjustment(Employee employee, decimal newSalary, string? consentRef, LawSettings law)
    {
        var elements = Floors(employee, newSalary, law);
        if (newSalary < employee.MonthlySalary) elements.Add(Basis(employee, consentRef, allowContractClause: false));
        return elements;
    }

    private static List<LegalElement> Floors(Employee employee, decimal newSalary, LawSettings law)
    {
        var floor = Math.Max(employee.Contract.MonthlySalaryFloor ?? 0m, law.MinimumMonthlyWage);
        return
        [
            newSalary >= floor
                ? LegalElement.Met("pay-above-floor", Guard, "不低于合同约定及最低工资 not below contract floor or minimum wage", [$"employee:{employee.EmployeeId}#contract"])
                : LegalElement.Missing("pay-above-floor", Guard, "不低于合同约定及最低工资 not below contract floor or minimum wage",
                    $"{newSalary:0.00} is below {floor:0.00}")
        ];
    }

    private static LegalElement Basis(Employee employee, string? consentRef, bool allowContractClause)
    {
        const string label = "降薪依据 a pay cut needs a signed agreement (or, on reassignment, a contract clause tying pay to post)";
        if (!string.IsNullOrWhiteSpace(consentRef)) return LegalElement.Met("pay-cut-consent", Guard, label, [$"agreement:{consentRef}"]);
        if (allowContractClause && employee.Contract.PayAdjustableWithPost)
            return LegalElement.Met("pay-cut-consent", Guard, label, [$"employee:{employee.EmployeeId}#contract.payAdjustableWithPost"]);
        return LegalElement.Missing("pay-cut-consent", Guard, label);
    }
}
