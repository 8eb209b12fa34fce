using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Domain.Scheduling;
using Planering.Gateway.Errors;
using Planering.Gateway.Security;
using Planering.Grains.Invitations;
using Planering.Grains.Scheduling;
using static Planering.Gateway.Scheduling.SchedulingMapping;

namespace Planering.Gateway.Planning;

/// <summary>The group introduction meetings of committed waves: found, booked once per group, listed (docs/invitations.md).</summary>
public sealed partial class PlanningApi
{
    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<FindIntroductionSlotResponse> FindIntroductionSlot(FindIntroductionSlotRequest request, ServerCallContext context)
    {
        var v = new Violations();
        WaveAndGroup(v, request.WaveId, request.GroupId);
        var earliest = RequestShape.OptionalDateInRange(v, "earliest_date", request.EarliestDate);
        var horizon = Horizon(v, request.HorizonDays);
        v.ThrowIfAny();

        var answer = await grains.GetGrain<IInvitationWaveGrain>(request.WaveId)
            .FindIntroductionAsync(new IntroductionRequest(string.Empty, request.WaveId, request.GroupId, earliest, horizon, null));
        var response = new FindIntroductionSlotResponse
        {
            Slot = answer.Slot?.ToMessage(), DaysExamined = answer.DaysExamined, WaveId = answer.WaveId, GroupId = answer.GroupId,
        };
        response.Rejections.AddRange(answer.Rejections.Select(r => r.ToMessage()));
        response.HuvudmanIds.AddRange(answer.HuvudmanIds);
        return response;
    }

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<Contracts.V1.IntroductionMeeting> BookIntroductionMeeting(BookIntroductionMeetingRequest request, ServerCallContext context)
    {
        var v = new Violations();
        v.Require(request.RequestId.Length is >= 8 and <= 100 && !request.RequestId.Any(char.IsControl), "request_id", "must be 8–100 printable characters");
        WaveAndGroup(v, request.WaveId, request.GroupId);
        var earliest = RequestShape.OptionalDateInRange(v, "earliest_date", request.EarliestDate);
        var horizon = Horizon(v, request.HorizonDays);
        var choice = Choice(v, request);
        v.ThrowIfAny();

        var received = CallArrival.Of(context, TimeProvider.System);
        var meeting = await grains.GetGrain<IInvitationWaveGrain>(request.WaveId)
            .BookIntroductionAsync(new IntroductionRequest(request.RequestId, request.WaveId, request.GroupId, earliest, horizon, choice));
        var answer = meeting.ToMessage();

        // A meeting booked before this call arrived was booked by an earlier call with the same request_id.
        answer.Replayed = meeting.BookedAt < received;
        return answer;
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<ListIntroductionMeetingsResponse> ListIntroductionMeetings(ListIntroductionMeetingsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        RequestShape.OfficeId(v, "wave_id", request.WaveId);
        v.ThrowIfAny();

        var groups = await grains.GetGrain<IInvitationWaveGrain>(request.WaveId).IntroductionsAsync();
        var response = new ListIntroductionMeetingsResponse { WaveId = request.WaveId };
        response.Groups.AddRange(groups.Select(g => g.ToMessage()));
        return response;
    }

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<Contracts.V1.IntroductionMeeting> CancelIntroductionMeeting(CancelIntroductionMeetingRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var officeId = DialogueIds.OfficeOf(request.MeetingId);
        v.Require(officeId is not null, "meeting_id", "is not a meeting id (office.hex)");
        v.ThrowIfAny();

        return (await grains.GetGrain<Grains.Registry.IRegionalOfficeGrain>(officeId!).CancelIntroductionAsync(request.MeetingId)).ToMessage();
    }

    /// <summary>Wave ids are slugs; group ids are the wave's (office slug and a number, "goteborg-01"), slugs too.</summary>
    private static void WaveAndGroup(Violations v, string waveId, string groupId)
    {
        RequestShape.OfficeId(v, "wave_id", waveId);
        RequestShape.OfficeId(v, "group_id", groupId);
    }

    private static int Horizon(Violations v, int days)
    {
        v.Require(days is >= 0 and <= SlotLimits.MaxHorizonDays, "horizon_days", $"must be between 1 and {SlotLimits.MaxHorizonDays} (0 means {SlotLimits.DefaultHorizonDays})");
        return days == 0 ? SlotLimits.DefaultHorizonDays : days;
    }

    /// <summary>A chosen time: date, local start and advisors all given, or none of them (the earliest feasible time).</summary>
    private static IntroductionChoice? Choice(Violations v, BookIntroductionMeetingRequest r)
    {
        if (r.Date.Length == 0 && r.LocalStart.Length == 0 && r.AdvisorIds.Count == 0)
        {
            return null;
        }

        var date = RequestShape.OptionalDateInRange(v, "date", r.Date);
        v.Require(r.Date.Length > 0, "date", "is required with local_start or advisor_ids");
        int? minute = null;
        if (TimeOnly.TryParseExact(r.LocalStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            minute = (start.Hour * 60) + start.Minute;
        }
        else
        {
            v.Add("local_start", r.LocalStart.Length == 0 ? "is required with date or advisor_ids" : "must be a local time HH:MM");
        }

        // How many is the planning parameters' start_meeting_advisors: the office checks that against the live set.
        v.Require(r.AdvisorIds.Count is >= 1 and <= 10 && r.AdvisorIds.Distinct(StringComparer.Ordinal).Count() == r.AdvisorIds.Count,
            "advisor_ids", "must name different advisors, as many as start_meeting_advisors");
        if (r.AdvisorIds.Any(a => a.Length is 0 or > 100 || a.Any(char.IsControl)))
        {
            v.Add("advisor_ids", "must be advisor ids of 1–100 printable characters");
        }

        return date is { } d && minute is { } m ? new IntroductionChoice(d, m, r.AdvisorIds.ToList()) : null;
    }
}
