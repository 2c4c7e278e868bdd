using Npgsql;

namespace EventHr.Projections.Audit;

/// <summary>Reading chain heads from, and writing seals to, the seal table (shared by both sealers).</summary>
public static class Seals
{
    /// <summary>Writes seals once: a seal already there (same stream and version) is left as it is. Returns how many were new.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection conn, string schema, List<long> seq, List<string> stream, List<long> version,
        List<string> prev, List<string> hash, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            insert into {schema}.{EventHashTable.Name} (seq_id, stream_id, version, prev_hash, hash)
            select * from unnest(@q, @s, @v, @p, @h)
            on conflict do nothing
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("q", seq.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("s", stream.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("v", version.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("p", prev.ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("h", hash.ToArray()));
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The last sealed version and hash of each stream that has any.</summary>
    public static async Task<Dictionary<string, (long Version, string Hash)>> HeadsAsync(NpgsqlConnection conn, string schema,
        string[] streams, CancellationToken ct)
    {
        var heads = new Dictionary<string, (long, string)>();
        if (streams.Length == 0) return heads;
        await using var cmd = new NpgsqlCommand($"""
            select distinct on (stream_id) stream_id, version, hash from {schema}.{EventHashTable.Name}
            where stream_id = any(@s) order by stream_id, version desc
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("s", streams));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) heads[r.GetString(0)] = (r.GetInt64(1), r.GetString(2));
        return heads;
    }
}
