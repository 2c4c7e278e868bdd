using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace EventHr.Projections.Audit;

/// <summary>
/// The seal of each event: its chain hash, written once by <see cref="EventSealer"/> and never updated.
/// Kept beside Marten's event table rather than in it, so sealing never rewrites an event row.
/// </summary>
public static class EventHashTable
{
    public const string Name = "event_hashes";

    public static Table Definition(string schema)
    {
        var table = new Table(PostgresqlProvider.Instance.Parse(schema, Name));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("stream_id").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn("prev_hash", "character(64)").NotNull();
        table.AddColumn("hash", "character(64)").NotNull();
        table.AddColumn("sealed_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        table.Indexes.Add(new IndexDefinition($"ux_{Name}_stream_version") { Columns = ["stream_id", "version"], IsUnique = true });
        return table;
    }
}
