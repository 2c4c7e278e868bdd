using EventHr.Domain.Reports;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace EventHr.Projections.Tallies;

/// <summary>
/// The group views' aggregates, kept as tallies land (<see cref="GroupAggregatesSubscription"/>): each tallied
/// employee-day's contribution (<see cref="DayContribution"/>) and, from them, the sums of each day by brand × post ×
/// region. A month or a year is then a few hundred rows of sums, whatever the number of staff. Both tables are
/// derived: rebuilt from the ledger and the profiles in one pass (<see cref="GroupAggregatesRebuild"/>).
/// </summary>
public sealed class GroupAggregates(string schema)
{
    public const string FactsTable = "group_day_facts";
    public const string SumsTable = "group_day_sums";
    internal string Facts => $"{schema}.{FactsTable}";
    internal string Sums => $"{schema}.{SumsTable}";

    internal const string FactColumns = "employee_id, business_date, brand_id, post_id, region, targets_evaluated, targets_met, salary_cost, revenue";
    internal const string SumsColumns =
        "(business_date, brand_id, post_id, region, days, targets_evaluated, targets_met, salary_cost, revenue, revenue_days)";

    /// <summary>The day sums of a set of facts (a table or a CTE), negated with <paramref name="sign"/> "-" to take them away.</summary>
    internal static string SumsOf(string source, string sign) => $"""
        select business_date, brand_id, post_id, region, {sign}count(*)::int, {sign}sum(targets_evaluated), {sign}sum(targets_met),
               {sign}sum(salary_cost), {sign}coalesce(sum(revenue), 0), {sign}count(revenue)::int
        from {source} group by business_date, brand_id, post_id, region
        """;

    public IEnumerable<Table> Definitions()
    {
        var facts = new Table(PostgresqlProvider.Instance.Parse(schema, FactsTable));
        facts.AddColumn<string>("employee_id").AsPrimaryKey();
        facts.AddColumn("business_date", "date").AsPrimaryKey();
        facts.AddColumn<string>("brand_id").NotNull();
        facts.AddColumn<string>("post_id").NotNull();
        facts.AddColumn<string>("region").NotNull();
        facts.AddColumn("targets_evaluated", "integer").NotNull();
        facts.AddColumn("targets_met", "integer").NotNull();
        facts.AddColumn("salary_cost", "numeric").NotNull();
        facts.AddColumn("revenue", "numeric");
        yield return facts;

        var sums = new Table(PostgresqlProvider.Instance.Parse(schema, SumsTable));
        sums.AddColumn("business_date", "date").AsPrimaryKey();
        sums.AddColumn<string>("brand_id").AsPrimaryKey();
        sums.AddColumn<string>("post_id").AsPrimaryKey();
        sums.AddColumn<string>("region").AsPrimaryKey();
        sums.AddColumn("days", "integer").NotNull();
        sums.AddColumn("targets_evaluated", "bigint").NotNull();
        sums.AddColumn("targets_met", "bigint").NotNull();
        sums.AddColumn("salary_cost", "numeric").NotNull();
        sums.AddColumn("revenue", "numeric").NotNull();
        // How many of the days reported a revenue: none means the revenue is unknown (null), not zero.
        sums.AddColumn("revenue_days", "integer").NotNull();
        yield return sums;
    }

    public sealed record Span(string EmployeeId, DateOnly From, DateOnly To);

    public sealed record Fact(string EmployeeId, DateOnly Date, DayContribution Contribution);

    /// <summary>
    /// Replaces the facts of the spans with those given (facts outside the spans are ignored) and moves the day sums
    /// by the difference, in the caller's transaction: a range processed twice ends as once.
    /// </summary>
    public async Task ReplaceAsync(NpgsqlConnection conn, IReadOnlyList<Span> spans, IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        var addTo = $"""
            on conflict (business_date, brand_id, post_id, region) do update set
              days = {Sums}.days + excluded.days, targets_evaluated = {Sums}.targets_evaluated + excluded.targets_evaluated,
              targets_met = {Sums}.targets_met + excluded.targets_met, salary_cost = {Sums}.salary_cost + excluded.salary_cost,
              revenue = {Sums}.revenue + excluded.revenue, revenue_days = {Sums}.revenue_days + excluded.revenue_days
            """;
        await using var batch = new NpgsqlBatch(conn);
        var remove = new NpgsqlBatchCommand($"""
            with changed as (
              delete from {Facts} f using unnest(@se, @sf, @st) as s(e, f, t)
              where f.employee_id = s.e and f.business_date between s.f and s.t
              returning f.*)
            insert into {Sums} {SumsColumns} {SumsOf("changed", "-")} {addTo}
            """);
        remove.Parameters.Add(new NpgsqlParameter<string[]>("se", spans.Select(s => s.EmployeeId).ToArray()));
        remove.Parameters.Add(new NpgsqlParameter<DateOnly[]>("sf", spans.Select(s => s.From).ToArray()));
        remove.Parameters.Add(new NpgsqlParameter<DateOnly[]>("st", spans.Select(s => s.To).ToArray()));
        batch.BatchCommands.Add(remove);
        var bySpan = spans.ToDictionary(s => s.EmployeeId);
        var within = facts.Where(f => bySpan.TryGetValue(f.EmployeeId, out var s) && f.Date >= s.From && f.Date <= s.To).ToList();
        if (within.Count > 0)
        {
            var add = new NpgsqlBatchCommand($"""
                with changed as (
                  insert into {Facts} ({FactColumns})
                  select * from unnest(@e, @d, @b, @p, @r, @ev, @mt, @sc, @rv)
                  returning *)
                insert into {Sums} {SumsColumns} {SumsOf("changed", "")} {addTo}
                """);
            add.Parameters.Add(new NpgsqlParameter<string[]>("e", within.Select(f => f.EmployeeId).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<DateOnly[]>("d", within.Select(f => f.Date).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<string[]>("b", within.Select(f => f.Contribution.BrandId).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<string[]>("p", within.Select(f => f.Contribution.PostId).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<string[]>("r", within.Select(f => f.Contribution.Region).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<int[]>("ev", within.Select(f => f.Contribution.TargetsEvaluated).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<int[]>("mt", within.Select(f => f.Contribution.TargetsMet).ToArray()));
            add.Parameters.Add(new NpgsqlParameter<decimal[]>("sc", within.Select(f => f.Contribution.SalaryCost).ToArray()));
            add.Parameters.Add(new NpgsqlParameter("rv", NpgsqlDbType.Array | NpgsqlDbType.Numeric)
                { Value = within.Select(f => (object?)f.Contribution.Revenue ?? DBNull.Value).ToArray() });
            batch.BatchCommands.Add(add);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The sums of each month of a range by brand × post × region (only the brands given, when given).</summary>
    public async Task<Dictionary<DateOnly, List<ContributionSum>>> MonthlySumsAsync(NpgsqlConnection conn, DateOnly from, DateOnly to,
        IReadOnlyCollection<string>? brands, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select date_trunc('month', business_date)::date, {SumColumns} from {Sums} "
            + "where business_date between @f and @t and (@b::text[] is null or brand_id = any(@b)) "
            + "group by 1, brand_id, post_id, region having sum(days) > 0 order by 1, brand_id, post_id, region", conn);
        Parameters(cmd, from, to, brands);
        var months = new Dictionary<DateOnly, List<ContributionSum>>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var month = r.GetFieldValue<DateOnly>(0);
            if (!months.TryGetValue(month, out var list)) months[month] = list = [];
            list.Add(Read(r, 1));
        }
        return months;
    }

    private const string SumColumns =
        "brand_id, post_id, region, sum(targets_evaluated)::int, sum(targets_met)::int, sum(salary_cost), sum(revenue), sum(revenue_days)";

    private static void Parameters(NpgsqlCommand cmd, DateOnly from, DateOnly to, IReadOnlyCollection<string>? brands)
    {
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("f", from));
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly>("t", to));
        cmd.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)brands?.ToArray() ?? DBNull.Value });
    }

    private static ContributionSum Read(NpgsqlDataReader r, int first) =>
        new(r.GetString(first), r.GetString(first + 1), r.GetString(first + 2), r.GetInt32(first + 3), r.GetInt32(first + 4),
            r.GetDecimal(first + 5), r.GetInt64(first + 7) > 0 ? r.GetDecimal(first + 6) : null);

    /// <summary>The sums of a range of days by brand × post × region (only the brands given, when given).</summary>
    public async Task<List<ContributionSum>> SumsAsync(NpgsqlConnection conn, DateOnly from, DateOnly to, IReadOnlyCollection<string>? brands,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select {SumColumns} from {Sums} "
            + "where business_date between @f and @t and (@b::text[] is null or brand_id = any(@b)) "
            + "group by brand_id, post_id, region having sum(days) > 0 order by brand_id, post_id, region", conn);
        Parameters(cmd, from, to, brands);
        var sums = new List<ContributionSum>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) sums.Add(Read(r, 0));
        return sums;
    }
}
