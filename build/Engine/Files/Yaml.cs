using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Files;

/// <summary>
/// The one YAML set-up of the engine, for params.yaml and for its own records (the lock, run-cache manifests,
/// experiments): underscored names, no aliases written, unknown and duplicate keys refused.
/// </summary>
internal static class Yaml
{
    public static ISerializer Writer { get; } = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).DisableAliases().Build();

    public static IDeserializer Reader { get; } = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).WithDuplicateKeyChecking().Build();
}
