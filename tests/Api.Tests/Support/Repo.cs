namespace EventHr.Api.Tests.Support;

/// <summary>The checkout the tests were built from (what is committed: the contract, the generated code).</summary>
public static class Repo
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EventHr.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("EventHr.sln not found above the test binaries");
    }
}
