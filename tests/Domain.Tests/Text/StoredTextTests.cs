using EventHr.Domain.Common;

namespace EventHr.Domain.Tests.Text;

public sealed class StoredTextTests
{
    [Theory]
    [InlineData("王小明")]
    [InlineData("约谈：\n第一段\r\n\t第二段")]
    [InlineData("emoji 👍 is a surrogate pair")]
    [InlineData("")]
    public void text_people_write_can_be_stored(string text) => StoredText.Problem(text).ShouldBeNull();

    [Theory]
    [InlineData("a\0b", "NUL")]
    [InlineData("a\u0007b", "control")]
    [InlineData("a\u007Fb", "control")]
    public void text_the_database_cannot_hold_is_refused_with_the_reason(string text, string reason) =>
        StoredText.Problem(text)!.ShouldContain(reason);

    /// <summary>Built from chars: attribute strings cannot carry an unpaired surrogate (it turns into U+FFFD).</summary>
    [Theory]
    [InlineData(new[] { 'a', '\uD800', 'b' })]
    [InlineData(new[] { 'a', '\uDC00' })]
    [InlineData(new[] { '\uD83D' })]
    [InlineData(new[] { '\uDC00', '\uD800' })]
    public void an_unpaired_surrogate_is_refused(char[] text) => StoredText.Problem(new string(text))!.ShouldContain("surrogate");

    [Fact]
    public void text_past_the_absolute_limit_is_refused() =>
        StoredText.Problem(new string('x', StoredText.MaxLength + 1))!.ShouldContain($"{StoredText.MaxLength}");

    [Fact]
    public void a_list_is_limited_in_size_and_in_each_item()
    {
        var errors = new FieldErrors();
        errors.RequireList(Enumerable.Repeat("a", 3).ToList(), "recipients", 2);
        errors.RequireList(["ok", new string('x', 65)], "departments", 5);
        errors.ToDictionary().Keys.ShouldBe(["recipients", "departments[1]"], ignoreOrder: true);
    }
}
