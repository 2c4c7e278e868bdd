using Npgsql;

namespace EventHr.Projections.Audit;

/// <summary>
/// G11 in the database: the event table and the seal table refuse UPDATE, DELETE and TRUNCATE, so
/// history can only grow. The application never changes an event (corrections are new events). A
/// superuser can still switch triggers off — that is what the hash chain is for.
/// </summary>
public static class AppendOnlyGuard
{
    public static async Task InstallAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            create or replace function {schema}.eventhr_append_only() returns trigger language plpgsql as $$
            begin
              raise exception 'the % table is append-only (G11): % refused', tg_table_name, tg_op using errcode = '42501';
            end $$;
            drop trigger if exists eventhr_append_only on {schema}.mt_events;
            create trigger eventhr_append_only before update or delete on {schema}.mt_events
              for each row execute function {schema}.eventhr_append_only();
            drop trigger if exists eventhr_append_only_truncate on {schema}.mt_events;
            create trigger eventhr_append_only_truncate before truncate on {schema}.mt_events
              for each statement execute function {schema}.eventhr_append_only();
            drop trigger if exists eventhr_append_only on {schema}.{EventHashTable.Name};
            create trigger eventhr_append_only before update or delete on {schema}.{EventHashTable.Name}
              for each row execute function {schema}.eventhr_append_only();
            drop trigger if exists eventhr_append_only_truncate on {schema}.{EventHashTable.Name};
            create trigger eventhr_append_only_truncate before truncate on {schema}.{EventHashTable.Name}
              for each statement execute function {schema}.eventhr_append_only();
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
