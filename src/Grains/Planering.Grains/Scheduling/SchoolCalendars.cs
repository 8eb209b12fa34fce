using Planering.Domain.Calendar;
using Planering.Domain.World;
using Planering.Grains.Hosting;

namespace Planering.Grains.Scheduling;

/// <summary>
/// The calendar every grain reads, kept per silo by version: a search or a plan asks the national calendar grain for its
/// version (one cheap call) and builds the calendar only when that version is new here. Every kommun shares the one
/// calendar object, so its computed lov periods are kept across searches instead of being worked out each time.
/// </summary>
internal static class SchoolCalendars
{
    // A few versions, so a search that started before a change and one after both find theirs without a rebuild.
    private const int Kept = 4;

    private static readonly object Gate = new();
    private static readonly LinkedList<(Guid Version, SchoolHolidayCalendar Calendar)> Recent = new();

    /// <summary>The shipped defaults alone: the calendar of version <see cref="Guid.Empty"/>.</summary>
    public static SchoolHolidayCalendar Defaults { get; } = SchoolHolidayCalendar.Create(SwedishGeography.Sweden);

    public static INationalSchoolCalendarGrain Grain(IGrainFactory grains) => grains.GetGrain<INationalSchoolCalendarGrain>(GrainKeys.Sweden);

    /// <summary>The calendar now in force.</summary>
    public static async Task<SchoolHolidayCalendar> CurrentAsync(IGrainFactory grains) =>
        await ForVersionAsync(grains, await Grain(grains).GetVersionAsync());

    /// <summary>The calendar of <paramref name="version"/> (or a newer one if that version has been replaced meanwhile).</summary>
    public static async ValueTask<SchoolHolidayCalendar> ForVersionAsync(IGrainFactory grains, Guid version)
    {
        if (version == Guid.Empty)
        {
            return Defaults;
        }

        if (Find(version) is { } kept)
        {
            return kept;
        }

        var snapshot = await Grain(grains).GetSnapshotAsync();
        return Find(snapshot.Version) ?? Keep(snapshot.Version, snapshot.ToCalendar());
    }

    /// <summary>Keeps a calendar the national grain built itself, so its own silo does not build it again.</summary>
    public static SchoolHolidayCalendar Keep(Guid version, SchoolHolidayCalendar calendar)
    {
        if (version == Guid.Empty)
        {
            return calendar;
        }

        lock (Gate)
        {
            foreach (var (v, c) in Recent)
            {
                if (v == version)
                {
                    return c;
                }
            }

            Recent.AddFirst((version, calendar));
            while (Recent.Count > Kept)
            {
                Recent.RemoveLast();
            }
        }

        return calendar;
    }

    private static SchoolHolidayCalendar? Find(Guid version)
    {
        lock (Gate)
        {
            foreach (var (v, c) in Recent)
            {
                if (v == version)
                {
                    return c;
                }
            }
        }

        return null;
    }
}
