using Planering.Domain.Calendar;

namespace Planering.Domain.Scheduling;

/// <summary>
/// An office's booked dialogues, indexed the way the slot search asks: busy intervals per advisor and day, and active
/// dialogues per day and per ISO week. Built once from the stored bookings and kept current by <see cref="Add"/> and
/// <see cref="Cancel"/>, so a search never scans the whole calendar.
/// </summary>
public sealed class OfficeSchedule
{
    private readonly Dictionary<string, Booking> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Advisor, DateOnly Date), List<Booking>> _byAdvisorDay = [];
    private readonly Dictionary<DateOnly, int> _perDay = [];
    private readonly Dictionary<(int Year, int Week), int> _perWeek = [];
    private readonly SortedDictionary<DateOnly, List<Booking>> _byDate = [];
    private readonly Dictionary<(string Advisor, int Year, int Month), int> _nights = [];
    private readonly Dictionary<string, IntroductionMeeting> _introductions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Advisor, DateOnly Date), List<IntroductionMeeting>> _introductionsByAdvisorDay = [];
    private readonly Dictionary<string, List<IntroductionMeeting>> _introductionsByHuvudman = new(StringComparer.Ordinal);

    public OfficeSchedule(IEnumerable<Booking> bookings)
    {
        foreach (var booking in bookings)
        {
            _byId[booking.DialogueId] = booking;
            if (booking.IsActive)
            {
                Index(booking, +1);
            }
        }
    }

    /// <summary>The dialogues and the group introduction meetings booked at the office (see <see cref="AddIntroduction"/>).</summary>
    public OfficeSchedule(IEnumerable<Booking> bookings, IEnumerable<IntroductionMeeting> introductions)
        : this(bookings)
    {
        foreach (var meeting in introductions)
        {
            AddIntroduction(meeting);
        }
    }

    public int Count => _byId.Count;

    public IEnumerable<Booking> All => _byId.Values;

    public bool TryGet(string dialogueId, out Booking booking) => _byId.TryGetValue(dialogueId, out booking!);

    /// <summary>Active dialogues on a date.</summary>
    public int CountOn(DateOnly date) => _perDay.GetValueOrDefault(date);

    /// <summary>Active dialogues in the ISO week of a date.</summary>
    public int CountInWeekOf(DateOnly date) => _perWeek.GetValueOrDefault((IsoWeeks.WeekYearOf(date), IsoWeeks.WeekOf(date)));

    /// <summary>Nights an advisor is away on active trips in a calendar month (each night counted in the month of its evening).</summary>
    public int NightsAway(string advisorId, int year, int month) => _nights.GetValueOrDefault((advisorId, year, month));

    /// <summary>The active bookings that take an advisor on a date: dialogues on it and trips travelling on it.</summary>
    public IReadOnlyList<Booking> BookingsOf(string advisorId, DateOnly date) =>
        _byAdvisorDay.TryGetValue((advisorId, date), out var list) ? list : [];

    /// <summary>The times an advisor is away on a dialogue or its trip, or in a group introduction meeting, on a date.</summary>
    public IEnumerable<MinuteInterval> BusyIntervals(string advisorId, DateOnly date) =>
        BookingsOf(advisorId, date).Select(b => b.BusyOn(date)!.Value).Concat(IntroductionsOf(advisorId, date).Select(m => m.Busy));

    /// <summary>Every introduction meeting booked here, cancelled ones included.</summary>
    public IEnumerable<IntroductionMeeting> Introductions => _introductions.Values;

    public bool TryGetIntroduction(string meetingId, out IntroductionMeeting meeting) => _introductions.TryGetValue(meetingId, out meeting!);

    /// <summary>The active introduction meetings an advisor holds on a date.</summary>
    public IReadOnlyList<IntroductionMeeting> IntroductionsOf(string advisorId, DateOnly date) =>
        _introductionsByAdvisorDay.TryGetValue((advisorId, date), out var list) ? list : [];

    /// <summary>The active introduction meeting of a wave's group, if one is booked here.</summary>
    public IntroductionMeeting? IntroductionOfGroup(string waveId, string groupId) =>
        _introductions.Values.FirstOrDefault(m => m.IsActive && m.WaveId == waveId && m.GroupId == groupId);

    /// <summary>
    /// The booked introduction meeting that serves a dialogue of the huvudman on a date (<see cref="IntroductionMeeting.Serves"/>),
    /// or null: then the dialogue carries its share of a meeting instead (<see cref="Workload.DialogueEffort.StartMeetingAdvisorHours"/>).
    /// </summary>
    public IntroductionMeeting? IntroductionServing(string huvudmanId, DateOnly dialogueDate, int cycleMonths) =>
        _introductionsByHuvudman.TryGetValue(huvudmanId, out var list) ? list.FirstOrDefault(m => m.Serves(huvudmanId, dialogueDate, cycleMonths)) : null;

    /// <summary>Marks an introduction meeting cancelled and frees its advisors' time; returns the cancelled meeting.</summary>
    public IntroductionMeeting CancelIntroduction(string meetingId, DateTimeOffset at)
    {
        var meeting = _introductions[meetingId];
        if (!meeting.IsActive)
        {
            return meeting;
        }

        foreach (var advisor in meeting.AdvisorIds)
        {
            _introductionsByAdvisorDay[(advisor, meeting.Date)].RemoveAll(m => m.MeetingId == meetingId);
        }

        foreach (var huvudman in meeting.HuvudmanIds)
        {
            _introductionsByHuvudman[huvudman].RemoveAll(m => m.MeetingId == meetingId);
        }

        var cancelled = meeting with { CancelledAt = at };
        _introductions[meetingId] = cancelled;
        return cancelled;
    }

    /// <summary>Adds an introduction meeting; an active one takes its advisors' time on its date.</summary>
    public void AddIntroduction(IntroductionMeeting meeting)
    {
        if (!_introductions.TryAdd(meeting.MeetingId, meeting))
        {
            throw new InvalidOperationException($"introduction meeting {meeting.MeetingId} is already in the schedule");
        }

        if (!meeting.IsActive)
        {
            return;
        }

        foreach (var advisor in meeting.AdvisorIds)
        {
            var key = (advisor, meeting.Date);
            if (!_introductionsByAdvisorDay.TryGetValue(key, out var list))
            {
                _introductionsByAdvisorDay[key] = list = [];
            }

            list.Add(meeting);
        }

        foreach (var huvudman in meeting.HuvudmanIds)
        {
            if (!_introductionsByHuvudman.TryGetValue(huvudman, out var list))
            {
                _introductionsByHuvudman[huvudman] = list = [];
            }

            list.Add(meeting);
        }
    }

    /// <summary>Bookings (active and cancelled) with dates in [from, to], by date then start.</summary>
    public IEnumerable<Booking> Between(DateOnly from, DateOnly to) =>
        _byId.Values.Where(b => b.Date >= from && b.Date <= to).OrderBy(b => b.Date).ThenBy(b => b.StartMinute).ThenBy(b => b.DialogueId, StringComparer.Ordinal);

    /// <summary>Active bookings with dates in [from, to] (used for preparation load), from the date index.</summary>
    public IEnumerable<Booking> ActiveBetween(DateOnly from, DateOnly to)
    {
        foreach (var (date, list) in _byDate)
        {
            if (date > to)
            {
                yield break;
            }

            if (date >= from)
            {
                foreach (var booking in list)
                {
                    yield return booking;
                }
            }
        }
    }

    public void Add(Booking booking)
    {
        if (!_byId.TryAdd(booking.DialogueId, booking))
        {
            throw new InvalidOperationException($"dialogue {booking.DialogueId} is already in the schedule");
        }

        if (booking.IsActive)
        {
            Index(booking, +1);
        }
    }

    /// <summary>Takes a booking out entirely, as if never added: a proposal under construction trying a placement and undoing it.</summary>
    public void Remove(string dialogueId)
    {
        if (_byId.Remove(dialogueId, out var booking) && booking.IsActive)
        {
            Index(booking, -1);
        }
    }

    /// <summary>Marks a booking cancelled and frees its time; returns the cancelled booking.</summary>
    public Booking Cancel(string dialogueId, DateTimeOffset at, string? reason)
    {
        var booking = _byId[dialogueId];
        if (!booking.IsActive)
        {
            return booking;
        }

        Index(booking, -1);
        var cancelled = booking with { CancelledAt = at, CancelReason = reason };
        _byId[dialogueId] = cancelled;
        return cancelled;
    }

    private void Index(Booking booking, int delta)
    {
        foreach (var advisor in booking.AdvisorIds)
        {
            foreach (var day in booking.BusyDays)
            {
                var key = (advisor, day);
                if (!_byAdvisorDay.TryGetValue(key, out var list))
                {
                    _byAdvisorDay[key] = list = [];
                }

                Change(list, booking, delta);
            }

            foreach (var night in booking.Trip?.NightDates ?? [])
            {
                var month = (advisor, night.Year, night.Month);
                _nights[month] = _nights.GetValueOrDefault(month) + delta;
            }
        }

        if (!_byDate.TryGetValue(booking.Date, out var onDate))
        {
            _byDate[booking.Date] = onDate = [];
        }

        Change(onDate, booking, delta);
        _perDay[booking.Date] = _perDay.GetValueOrDefault(booking.Date) + delta;
        var week = (IsoWeeks.WeekYearOf(booking.Date), IsoWeeks.WeekOf(booking.Date));
        _perWeek[week] = _perWeek.GetValueOrDefault(week) + delta;
    }

    private static void Change(List<Booking> list, Booking booking, int delta)
    {
        if (delta > 0)
        {
            list.Add(booking);
        }
        else
        {
            list.RemoveAll(b => b.DialogueId == booking.DialogueId);
        }
    }
}
