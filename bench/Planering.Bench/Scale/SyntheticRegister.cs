using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Bench.Scale;

/// <summary>
/// A made-up register of any size: independent huvudmän spread over the 290 kommuner, numbered 556xxxxxx + Luhn digit
/// (outside the seed's 559… range), each a valid profile by the domain's own rules.
/// </summary>
public static class SyntheticRegister
{
    public const int MaxCount = 1_000_000;

    public static IEnumerable<HuvudmanProfile> Huvudman(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var sweden = SwedishGeography.Sweden;
        var random = new Random(556);
        for (var i = 0; i < count; i++)
        {
            var kommun = sweden.Kommuner[i % sweden.Kommuner.Count];

            // Within a few kilometres of the seat, as the seed places its independent huvudmän.
            var near = kommun.Position.Offset((random.NextDouble() * 6) - 3, (random.NextDouble() * 6) - 3);

            // A seat on the border (Haparanda, Strömstad) may be moved out of Sweden; such a school stays at the seat.
            var position = near.IsInSweden ? near : kommun.Position;
            yield return HuvudmanProfile.Create(
                OrganisationNumber.FromNineDigits(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"556{i:D6}")).Value,
                $"Syntetiska skolan {i} i {kommun.Name} AB", HuvudmanType.Independent, kommun.Kommunkod, position, random.Next(40, 900), synthetic: true, sweden);
        }
    }
}
