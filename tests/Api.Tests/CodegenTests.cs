using System.Net;
using System.Net.Http.Headers;
using EventHr.Api.Tests.Support;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;

namespace EventHr.Api.Tests;

/// <summary>
/// Production runs the handler code committed in src/Api/Internal/Generated (no Roslyn at start-up), so that code
/// must be what the handlers and endpoints generate now.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CodegenTests
{
    private static readonly string Committed = Path.Combine(Repo.Root(), "src", "Api", "Internal", "Generated");

    [Fact]
    public async Task the_committed_generated_code_is_what_the_handlers_generate_now()
    {
        var fresh = Path.Combine(Path.GetTempPath(), "eventhr-codegen-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exit, output) = await ApiCommand.Run(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["EventHr__CodeGen__OutputPath"] = fresh
            }, "codegen", "write");
            exit.ShouldBe(0, output);

            var now = Files(fresh);
            var committed = Files(Committed);
            var stale = now.Keys.Union(committed.Keys).Where(f => now.GetValueOrDefault(f) != committed.GetValueOrDefault(f)).Order().ToList();
            stale.ShouldBeEmpty($"src/Api/Internal/Generated is stale ({string.Join(", ", stale.Take(5))}): run ./ops/codegen and commit it");
        }
        finally
        {
            if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        }
    }

    [Fact]
    public async Task a_production_host_loads_the_pre_generated_handlers_and_serves_with_them()
    {
        await using var host = await AppFixture.StartSeparate("eventhr_codegen", new Dictionary<string, string>(), environment: "Production");

        host.Services.GetRequiredService<IWolverineRuntime>().Options.CodeGeneration.TypeLoadMode.ShouldBe(TypeLoadMode.Static);
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("hr-li", "hr"));
        (await client.PutAsync("/api/brands/codegen-b1", new StringContent("""{ "name": "B", "tier": "mid" }""", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/brands/codegen-b1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Dictionary<string, string> Files(string root) => Directory.Exists(root)
        ? Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => File.ReadAllText(f).ReplaceLineEndings("\n"))
        : [];
}
