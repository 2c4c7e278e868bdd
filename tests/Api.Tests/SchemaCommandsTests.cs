using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>
/// The schema is changed by the owner with the stack's own commands (db-apply, db-patch) and checked with db-assert,
/// the append-only guard included: a trigger dropped behind the application's back is reported and put back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SchemaCommandsTests
{
    private const string Schema = "eventhr_dbassert";

    [Fact]
    public async Task db_assert_sees_a_missing_append_only_trigger_and_db_apply_restores_it()
    {
        await Database.Provision(Schema);
        var owner = ApiCommand.AsOwner(Database.Owner, Schema);
        var (fine, said) = await ApiCommand.Run(owner, "db-assert");
        fine.ShouldBe(0, said);

        await Database.Sql(Database.Owner, $"drop trigger eventhr_events_no_update on {Schema}.mt_events");
        var (broken, report) = await ApiCommand.Run(owner, "db-assert");
        broken.ShouldNotBe(0);
        report.ShouldContain("eventhr_events_no_update");

        var patch = Path.Combine(Path.GetTempPath(), $"eventhr-patch-{Guid.NewGuid():N}.sql");
        try
        {
            (await ApiCommand.Run(owner, "db-patch", patch, "-d", "marten://store/")).ExitCode.ShouldBe(0);
            (await File.ReadAllTextAsync(patch)).ShouldContain("CREATE TRIGGER eventhr_events_no_update", Case.Insensitive);
        }
        finally
        {
            File.Delete(patch);
            foreach (var f in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(patch) + "*")) File.Delete(f);
        }
        (await ApiCommand.Run(owner, "db-apply")).ExitCode.ShouldBe(0);
        var (again, after) = await ApiCommand.Run(owner, "db-assert");
        again.ShouldBe(0, after);
    }
}
