using EventHr.Domain.Evidence.Bundles;

namespace EventHr.Api.Evidence;

public static class EvidencePdf
{
    public static byte[] Render(EvidenceBundle bundle) => [];
}
