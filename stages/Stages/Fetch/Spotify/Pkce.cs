using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Stages.Fetch.Spotify;

/// <summary>RFC 7636 with S256: a random verifier kept here, its SHA-256 challenge sent, and a random state to match the answer.</summary>
public sealed record Pkce(string Verifier, string Challenge, string State)
{
    public static Pkce Create()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(64));
        return new Pkce(verifier, ChallengeOf(verifier), Base64Url(RandomNumberGenerator.GetBytes(16)));
    }

    public static string ChallengeOf(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public override string ToString() => "Pkce(secret)";
}
