using EventHr.Domain.Notifications;

namespace EventHr.Domain.Tests.Notifications;

/// <summary>Signatures checked against Python's hmac and base64 for the same inputs.</summary>
public sealed class RobotSigningTests
{
    [Fact]
    public void dingtalk_signs_timestamp_and_secret_with_the_secret() =>
        RobotSigning.DingTalk("SEC-test-secret", 1700000000000).ShouldBe("Mrhy389nC5p7fqYHgciQpNWFiBNjbTx4Rn5BqEH45jY=");

    [Fact]
    public void feishu_signs_nothing_with_timestamp_and_secret_as_the_key() =>
        RobotSigning.Feishu("SEC-test-secret", 1700000000).ShouldBe("N/YfEei+5/EskDDCjSL3nvdh2x/Igb36CEA5Cc6MdHk=");

    [Fact]
    public void the_dingtalk_signature_rides_on_the_address() =>
        RobotSigning.SignedDingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=t", "SEC-test-secret", 1700000000000)
            .ShouldBe("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=Mrhy389nC5p7fqYHgciQpNWFiBNjbTx4Rn5BqEH45jY%3D");
}
