using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Calibration;

/// <summary>What the replay saw: invitations, answers, bookings, and the dialogues held within the replayed months.</summary>
/// <param name="HeldPerMonth">Dialogues held per month from the start, (year, month, count).</param>
/// <param name="HeldPerOffice">Dialogues held per office within the replay.</param>
/// <param name="NightsAway">Advisor nights away on the trips held.</param>
/// <param name="Batches">Invitation batches sent: the day and the huvudmän invited.</param>
public sealed record ReplayResult(
    IReadOnlyList<(DateOnly Day, int Size)> Batches,
    int Invited,
    int Accepted,
    int Booked,
    int Held,
    int OnSiteHeld,
    int NotBookable,
    IReadOnlyList<(int Year, int Month, int Held)> HeldPerMonth,
    IReadOnlyDictionary<string, int> HeldPerOffice,
    int NightsAway);

/// <summary>
/// Replays the first year day by day through the real scheduling rules: the offices open and staff up as
/// <see cref="ReplayScenario"/> says, invitations go out in batches, the huvudmän who accept answer within the answer
/// time and each is booked at its nearest open office by <see cref="SlotSearch.FindEarliest"/> (every rule: lead time,
/// lov, caps, two free advisors, preparation, trips and nights away) and added to that office's calendar. Nothing is a
/// formula: a dialogue counts as held when the search found it a slot before the end of the replay.
/// </summary>
/// <remarks>
/// Deterministic: invitation order, acceptance and the on-site wish come from stable hashes of the organisation number.
/// A huvudman who wishes on site is booked on site where a trip exists, otherwise digitally; the on-site share is
/// <see cref="WorkloadOptions.DigitalShare"/>'s complement. The huvudmän's own cycles do not matter here: nobody has had a
/// dialogue before the first year.
/// </remarks>
public sealed class FirstYearReplay(ReplayScenario scenario, PlanningParameters parameters, SchoolHolidayCalendar schoolHolidays)
{
    public ReplayScenario Scenario { get; } = scenario;

    /// <summary>The planning parameters every search of the replay reads, as the live slot search does (per-office limits and hours included).</summary>
    public PlanningParameters Parameters { get; } = parameters;

    /// <summary>Replays the seeded world (<see cref="WorldSeed.Huvudman"/>) from its offices' positions.</summary>
    public ReplayResult Run(SwedishGeography geography)
    {
        ArgumentNullException.ThrowIfNull(geography);
        Scenario.Validate();
        var positions = geography.Offices.ToDictionary(o => o.OfficeId, o => o.Position, StringComparer.Ordinal);
        return Run(WorldSeed.Huvudman(geography), Scenario.Offices.Select(o => (o, positions.TryGetValue(o.OfficeId, out var at) ? at
            : throw Errors.PlaneringException.Invalid("offices", $"'{o.OfficeId}' is not one of the seeded offices"))).ToList());
    }

    public ReplayResult Run(IReadOnlyList<HuvudmanProfile> huvudman, IReadOnlyList<(OfficeOpening Office, Geography.GeoPosition Position)> offices)
    {
        ArgumentNullException.ThrowIfNull(huvudman);
        ArgumentNullException.ThrowIfNull(offices);
        Scenario.Validate();
        Parameters.Validate();
        var searches = offices.ToDictionary(
            o => o.Office.OfficeId,
            o => new SlotSearch(Parameters.WorkingTimeFor(o.Office.OfficeId), schoolHolidays, Parameters.WorkloadFor(o.Office.OfficeId)),
            StringComparer.Ordinal);
        // Invitations and answers run on the national working days.
        var workingTime = Parameters.WorkingTimeFor(null);
        var schedules = offices.ToDictionary(o => o.Office.OfficeId, _ => new OfficeSchedule([]), StringComparer.Ordinal);
        var queue = new Queue<HuvudmanProfile>(huvudman.OrderBy(h => Hash(h.OrganisationNumber.Value, "invite")).ThenBy(h => h.OrganisationNumber.Value, StringComparer.Ordinal));
        var answers = new SortedDictionary<DateOnly, List<HuvudmanProfile>>();
        var (invited, accepted, booked, notBookable) = (0, 0, 0, 0);
        var batches = new List<(DateOnly Day, int Size)>();
        var bookings = new List<Booking>();
        var nextBatch = Scenario.Start.AddDays(Scenario.FirstInvitationAfterDays);
        var bookingsEnd = Scenario.End;

        for (var day = Scenario.Start; day < bookingsEnd; day = day.AddDays(1))
        {
            // Every look, a batch goes out unless the offices' calendars are full enough ahead.
            if (day == nextBatch)
            {
                nextBatch = day.AddDays(Scenario.DaysBetweenBatches);
                if (bookings.Count(x => x.Date >= day) + answers.Values.Sum(l => l.Count) < Scenario.MaxDialoguesAhead)
                {
                    Invite(day);
                }
            }

            if (!answers.Remove(day, out var answering))
            {
                continue;
            }

            foreach (var h in answering)
            {
                var open = offices.Where(o => Scenario.AdvisorsOn(o.Office, day) >= Parameters.Workload.AdvisorsPerDialogue).ToList();
                var (office, position) = open.MinBy(o => o.Position.DistanceKmTo(h.Position));
                var staff = WorldSeed.DefaultAdvisors(office.OfficeId, Scenario.AdvisorsOn(office, day));
                var who = new SchedulingHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Position, h.Pupils, null, new HashSet<DateOnly>());
                var at = new SchedulingOffice(office.OfficeId, position, staff);
                var schedule = schedules[office.OfficeId];
                var wantsOnSite = Unit(h.OrganisationNumber.Value, "mode") >= Parameters.Workload.DigitalShare;
                var search = searches[office.OfficeId];
                var slot = (wantsOnSite ? Find([DialogueMode.OnSite]) : null) ?? Find([DialogueMode.Digital]);
                if (slot is null)
                {
                    notBookable++;
                    continue;
                }

                var id = $"replay-{h.OrganisationNumber.Value}";
                var booking = new Booking(id, id, h.OrganisationNumber.Value, h.Name, slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.Mode,
                    slot.AdvisorIds, slot.TravelMinutesOneWay, slot.Effort.DialogueHours, slot.Effort.PreparationHours, false,
                    new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Trip: slot.Trip);
                schedule.Add(booking);
                bookings.Add(booking);
                booked++;

                FoundSlot? Find(IReadOnlyList<DialogueMode> modes) =>
                    search.FindEarliest(new SlotQuery(who, at, modes, day, SlotQuery.DefaultHorizonDays, false, day), schedule).Slot;
            }
        }

        var held = bookings.Where(b => b.Date < Scenario.End).ToList();
        var perMonth = Enumerable.Range(0, Scenario.Months)
            .Select(m => Scenario.Start.AddMonths(m))
            .Select(m => (m.Year, m.Month, held.Count(b => b.Date.Year == m.Year && b.Date.Month == m.Month)))
            .ToList();
        return new ReplayResult(
            batches, invited, accepted, booked, held.Count, held.Count(b => b.Mode == DialogueMode.OnSite), notBookable, perMonth,
            offices.ToDictionary(o => o.Office.OfficeId, o => held.Count(b => b.OfficeId == o.Office.OfficeId), StringComparer.Ordinal),
            held.Sum(b => b.NightsAway * b.AdvisorIds.Count));

        void Invite(DateOnly day)
        {
            var size = Math.Min(queue.Count, day.Year == Scenario.Start.Year ? Scenario.BatchSizeFirstYear : Scenario.BatchSizeLater);
            batches.Add((day, size));
            var answerDay = workingTime.AddWorkingDays(workingTime.FirstWorkingDayOnOrAfter(day), Scenario.AnswerWorkingDays);
            for (var i = 0; i < size; i++)
            {
                var h = queue.Dequeue();
                invited++;
                if (Unit(h.OrganisationNumber.Value, "accept") < Scenario.AcceptShare)
                {
                    accepted++;
                    if (!answers.TryGetValue(answerDay, out var list))
                    {
                        answers[answerDay] = list = [];
                    }

                    list.Add(h);
                }
            }
        }
    }

    private static ulong Hash(string id, string purpose) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(purpose + ":" + id)));

    private static double Unit(string id, string purpose) => (Hash(id, purpose) >> 11) * (1.0 / (1UL << 53));
}
