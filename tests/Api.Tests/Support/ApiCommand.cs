using System.Diagnostics;

namespace EventHr.Api.Tests.Support;

/// <summary>The API's own command line (schema apply, codegen write, db-assert …), run from its build folder as an operator would.</summary>
public static class ApiCommand
{
    private static string Folder => Path.Combine(Repo.Root(), "src", "Api", "bin", "Release", "net10.0");

    public static async Task<(int ExitCode, string Output)> Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["EventHr.Api.dll", .. args])
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The settings of a schema's owner (ASPNETCORE_ENVIRONMENT Production, its connection and schema).</summary>
    public static Dictionary<string, string> AsOwner(string owner, string schema) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__EventHr"] = owner, ["EventHr__Schema"] = schema,
        ["Auth__SigningKey"] = Tokens.Key
    };
}
