using EventHr.Domain.Evidence.Bundles;

namespace EventHr.Api.Evidence;

public static class EvidenceHtml
{
    public static byte[] Render(EvidenceBundle bundle) => System.Text.Encoding.UTF8.GetBytes("<html></html>");
}
