namespace Pipeline.Stages.Fetch;

/// <summary>Seeded draws from the distributions the demo data needs. Same seed, same draws, on every machine.</summary>
internal sealed class Sampler(int seed)
{
    private readonly Random random = new(seed);

    public double Uniform() => random.NextDouble();

    public int Below(int count) => random.Next(count);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public double Normal(double mean, double sd)
    {
        // Box-Muller; 1 - u keeps the log away from zero.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
    }

    public double Beta(double a, double b)
    {
        var x = Gamma(a);
        var y = Gamma(b);
        return x / (x + y);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Marsaglia and Tsang's method; shapes below 1 are boosted by U^(1/a).</summary>
    private double Gamma(double shape)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
        }
        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(0, 1);
                v = 1.0 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
