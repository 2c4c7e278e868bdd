namespace EventHr.Domain.Common;

public enum RefusalKind { Invalid, NotFound, Conflict, LegalGuard }

/// <summary>Why a command was refused; nothing is appended for a refusal.</summary>
public sealed record Refusal(RefusalKind Kind, string Detail, string? Guard = null,
    IReadOnlyList<string>? Missing = null, FieldErrors? Errors = null);

/// <summary>The outcome of a pure decision: the fact to record, or the reason it was refused.</summary>
public readonly record struct Result<T>(T? Value, Refusal? Refusal)
{
    public bool IsOk => Refusal is null;
    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Conflict(string detail) => new(default, new Refusal(RefusalKind.Conflict, detail));
    public static Result<T> NotFound(string detail) => new(default, new Refusal(RefusalKind.NotFound, detail));
    public static Result<T> Invalid(FieldErrors errors) => new(default, new Refusal(RefusalKind.Invalid, "invalid input", Errors: errors));
    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal);
}
