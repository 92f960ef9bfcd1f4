namespace Pipeline.Engine.Hashing;

/// <summary>Gives the code version of a stage's type.</summary>
public interface ICodeVersions
{
    string Of(Type stageType);

    void Save();
}
