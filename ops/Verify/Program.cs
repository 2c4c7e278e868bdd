using EventHr.Domain.Evidence.Integrity;

// Exit codes: 0 every chain verifies, 1 a chain is broken, 2 the file could not be read as a bundle.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ./ops/verify bundle.json");
    return 2;
}
try
{
    var verdict = BundleVerifier.Verify(await File.ReadAllTextAsync(args[0]));
    foreach (var chain in verdict.Chains)
        Console.WriteLine(chain.Valid
            ? $"ok      {chain.StreamId}: {chain.Verified} events, head {chain.Head}{(chain.Pending > 0 ? $" ({chain.Pending} not sealed at export)" : "")}"
            : $"BROKEN  {chain.StreamId} at version {chain.BrokenAt}: {chain.Reason}");
    foreach (var mismatch in verdict.Mismatches) Console.WriteLine($"BROKEN  {mismatch}");
    Console.WriteLine(verdict.Valid ? "bundle integrity: valid" : "bundle integrity: BROKEN");
    return verdict.Valid ? 0 : 1;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException
                              or KeyNotFoundException or InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine($"cannot verify {args[0]}: {e.Message}");
    return 2;
}
