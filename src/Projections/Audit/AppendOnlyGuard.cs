using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Triggers;

namespace EventHr.Projections.Audit;

/// <summary>
/// G11 in the database: the event table and the seal table refuse UPDATE, DELETE and TRUNCATE, so history can only
/// grow. The application never changes an event (corrections are new events). A superuser can still switch triggers
/// off — that is what the hash chain is for. The function and its triggers are Weasel schema objects beside Marten's
/// own, so <c>db-apply</c> and <c>db-patch</c> create them and <c>db-assert</c> fails when one is missing or altered.
/// </summary>
/// <remarks>
/// A feature of its own rather than extended schema objects, which Marten applies before its event tables: Marten
/// applies the features registered with <c>Storage.Add</c> after its own, so the tables the triggers guard exist.
/// </remarks>
public sealed class AppendOnlyGuard(string schema) : FeatureSchemaBase("eventhr_append_only", new PostgresqlMigrator())
{
    public const string FunctionName = "eventhr_append_only";

    public override Type StorageType => typeof(AppendOnlyGuard);

    protected override IEnumerable<ISchemaObject> schemaObjects() => Definitions(schema);

    public static IEnumerable<ISchemaObject> Definitions(string schema)
    {
        yield return Function.ForSql($"""
            CREATE OR REPLACE FUNCTION {schema}.{FunctionName}() RETURNS trigger LANGUAGE plpgsql AS $function$
            begin
              raise exception 'the % table is append-only (G11): % refused', tg_table_name, tg_op using errcode = '42501';
            end
            $function$;
            """);
        foreach (var (table, prefix) in new[] { ("mt_events", "eventhr_events"), (EventHashTable.Name, "eventhr_seals") })
        {
            var target = PostgresqlProvider.Instance.Parse(schema, table);
            var call = $"{schema}.{FunctionName}()";
            // One event per trigger: PostgreSQL prints several in an order of its own, which db-assert would read as a change.
            foreach (var (verb, events, rows) in new[] { ("update", TriggerEvents.Update, true), ("delete", TriggerEvents.Delete, true),
                         ("truncate", TriggerEvents.Truncate, false) })
                yield return new Trigger(PostgresqlProvider.Instance.Parse(schema, $"{prefix}_no_{verb}"), target, call)
                    { Timing = TriggerTiming.Before, Events = events, ForEachRow = rows };
        }
    }

    /// <summary>The triggers of databases made before the guard was a schema object, under names now replaced.</summary>
    public static async Task DropLegacyTriggersAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            drop trigger if exists eventhr_append_only on {schema}.mt_events;
            drop trigger if exists eventhr_append_only_truncate on {schema}.mt_events;
            drop trigger if exists eventhr_append_only on {schema}.{EventHashTable.Name};
            drop trigger if exists eventhr_append_only_truncate on {schema}.{EventHashTable.Name};
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
