using EventHr.Domain.Notifications;

namespace EventHr.Domain.Tests.Notifications;

public class WebhookPayloadTests
{
    [Theory]
    [InlineData("dingtalk", """{"msgtype":"text","text":{"content":"预警"}}""")]
    [InlineData("wecom", """{"msgtype":"text","text":{"content":"预警"}}""")]
    [InlineData("feishu", """{"msg_type":"text","content":{"text":"预警"}}""")]
    [InlineData("generic", """{"id":"d-1","recipient":"M01","kind":"performance-warning","message":"预警"}""")]
    public void each_receiver_gets_the_body_it_expects(string format, string expected)
    {
        var body = WebhookChannels.Payload(format, "d-1", "M01", "performance-warning", "预警");

        body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ShouldBe(expected);
    }

    [Fact]
    public void a_channel_wants_its_recipients_and_its_brands_departments_only()
    {
        var channel = WebhookChannel.Create(new WebhookChannelDefined("c", "https://x", "generic", ["M01"], ["ops-east"], "hr",
            DateTimeOffset.UnixEpoch, BrandId: "yunshang"));

        channel.Wants("M01", null, null).ShouldBeTrue();
        channel.Wants("M02", "ops-east", "yunshang").ShouldBeTrue();
        channel.Wants("M02", "ops-east", "qingyu").ShouldBeFalse();   // another brand's department of the same name
        channel.Wants("M02", "cs-west", "yunshang").ShouldBeFalse();
    }

    [Fact]
    public void a_channel_that_follows_departments_must_name_their_brand()
    {
        var errors = WebhookChannels.Validate("c", new DefineWebhookChannel("https://x", "generic", null, ["ops-east"]));

        errors.IsEmpty.ShouldBeFalse();
        errors.ToDictionary().Keys.ShouldContain("brandId");
        WebhookChannels.Validate("c", new DefineWebhookChannel("https://x", "generic", null, ["ops-east"], BrandId: "yunshang")).IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("dingtalk", """{"errcode":130101,"errmsg":"send too fast"}""", true)]
    [InlineData("dingtalk", """{"errcode":0,"errmsg":"ok"}""", false)]
    [InlineData("wecom", """{"errcode":45009,"errmsg":"api freq out of limit"}""", true)]
    [InlineData("feishu", """{"code":9499,"msg":"Bad Request"}""", true)]
    [InlineData("feishu", """{"StatusCode":0,"StatusMessage":"success"}""", false)]
    [InlineData("feishu", """{"code":0,"msg":"success"}""", false)]
    [InlineData("generic", """{"errcode":1}""", false)]
    [InlineData("wecom", "not json", false)]
    public void a_robot_that_answers_200_with_a_refusal_code_did_not_take_the_message(string format, string body, bool refused)
    {
        (WebhookChannels.Refusal(format, body) is not null).ShouldBe(refused);
    }
}
