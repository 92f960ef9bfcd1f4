using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipeline.Engine.Locking;

/// <summary>YAML as the engine writes its records (the lock, run-cache manifests, experiments): underscored names, no aliases, unknown keys refused.</summary>
internal static class YamlRecords
{
    public static ISerializer Writer { get; } = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).DisableAliases().Build();

    public static IDeserializer Reader { get; } = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
}
