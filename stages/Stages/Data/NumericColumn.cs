namespace Pipeline.Stages.Data;

/// <summary>A named numeric column; integral columns (key, mode...) are stored as integers in Parquet.</summary>
public sealed record NumericColumn(string Name, double[] Values, bool Integral);
