using EventHr.Domain.Common;

namespace EventHr.Domain.Cases;

public sealed record NoteConversation(string? Text, string? EmployeeResponse);

/// <summary>沟通记录: who spoke with the employee, when, what was said, and the employee's answer.</summary>
public static class Notes
{
    public static FieldErrors Validate(NoteConversation cmd)
    {
        var errors = new FieldErrors();
        errors.RequireText(cmd.Text, "text", 10_000);
        if (cmd.EmployeeResponse is { Length: > 10_000 }) errors.Add("employeeResponse", "must be at most 10000 characters");
        return errors;
    }

    public static Result<ConversationNoted> Note(PerformanceCase c, NoteConversation cmd, Actor actor, DateTimeOffset now) =>
        c.IsOpen
            ? Result<ConversationNoted>.Ok(new ConversationNoted(c.CaseId, c.Notes + 1, cmd.Text!.Trim(), cmd.EmployeeResponse?.Trim(), actor.UserId, now))
            : CaseRefusals.WrongState(c, "a conversation note");
}
