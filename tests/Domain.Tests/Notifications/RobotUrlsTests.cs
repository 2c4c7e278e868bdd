using System.Net;
using EventHr.Domain.Notifications;

namespace EventHr.Domain.Tests.Notifications;

public sealed class RobotUrlsTests
{
    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc123", "https://oapi.dingtalk.com/robot/send?access_token=***")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1&debug=1", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***&debug=1")]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d", "https://open.feishu.cn/open-apis/bot/v2/hook/***")]
    [InlineData("https://hooks.example.com/in", "https://hooks.example.com/in")]
    public void a_robots_secret_is_masked_and_the_rest_of_the_address_kept(string url, string masked) =>
        RobotUrls.Masked(url).ShouldBe(masked);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.5.4", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]   // cloud metadata
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("172.32.0.1", false)]
    public void internal_addresses_are_recognised(string address, bool isInternal) =>
        RobotUrls.IsInternal(IPAddress.Parse(address)).ShouldBe(isInternal);
}
