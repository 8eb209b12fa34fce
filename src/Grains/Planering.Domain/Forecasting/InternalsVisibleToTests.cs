using System.Runtime.CompilerServices;

// The percentile selection and the random streams are internal; their unit tests check them directly rather than through
// whole forecasts, where an off-by-one in a rank would hide inside Monte Carlo noise.
[assembly: InternalsVisibleTo("Planering.Domain.Tests")]
