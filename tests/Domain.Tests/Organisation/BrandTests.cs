using EventHr.Domain.Common;
using EventHr.Domain.Organisation;

namespace EventHr.Domain.Tests.Organisation;

public class BrandTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void the_same_put_twice_records_one_fact()
    {
        var cmd = new DefineBrand("yun", "云裳", "mid", null);
        var registered = (BrandRegistered)Brand.Decide(null, cmd, Hr, Now)!;
        var brand = Brand.Create(registered);

        Brand.Decide(brand, cmd, Hr, Now).ShouldBeNull();
        registered.TimeZone.ShouldBe("Asia/Shanghai");
        Brand.Decide(brand, cmd with { Tier = "premium" }, Hr, Now).ShouldBeOfType<BrandProfileRevised>();
    }

    [Theory]
    [InlineData("bad id", "x", "mid", "brandId")]
    [InlineData("ok", "", "mid", "name")]
    [InlineData("ok", "x", "gold", "tier")]
    public void invalid_brands_name_the_field(string id, string name, string tier, string field)
    {
        Brand.Validate(new DefineBrand(id, name, tier, null)).ToDictionary().Keys.ShouldBe([field]);
    }
}
