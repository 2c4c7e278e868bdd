using EventHr.Projections.Audit;
using Npgsql;

namespace EventHr.Api.Infrastructure.Database;

/// <summary>
/// What the role the API connects as may do, granted by the schema's owner (issue 11, least privilege): read and
/// write the documents, queues and ledger (and empty them, as a projection rebuild does: they are derived from the
/// events), append to and read the event and seal tables — and nothing more. It
/// owns no table, so it can neither alter one nor switch the append-only triggers off (G11), and it holds no
/// UPDATE, DELETE or TRUNCATE on the history; a stolen runtime password cannot rewrite the evidence.
/// </summary>
public static class RuntimeRole
{
    public static async Task GrantAsync(NpgsqlConnection owner, string schema, string role, CancellationToken ct)
    {
        var who = Quote(role);
        var history = $"{schema}.mt_events, {schema}.{EventHashTable.Name}";
        await using var cmd = new NpgsqlCommand($"""
            grant usage on schema {schema} to {who};
            grant select, insert, update, delete, truncate on all tables in schema {schema} to {who};
            grant usage, select, update on all sequences in schema {schema} to {who};
            grant execute on all functions in schema {schema} to {who};
            revoke update, delete, truncate, references, trigger on {history} from {who};
            """, owner);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string identifier) =>
        identifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? identifier
            : throw new InvalidOperationException($"EventHr:Database:RuntimeRole '{identifier}' must be a plain lower-case role name.");
}
