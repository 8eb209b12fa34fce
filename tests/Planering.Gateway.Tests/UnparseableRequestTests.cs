using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Planering.Contracts.V1;

namespace Planering.Gateway.Tests;

/// <summary>A body that does not parse is INVALID_ARGUMENT with a clear message, logged once at Information.</summary>
[Collection(SharedApi.Name)]
public sealed class UnparseableRequestTests(ApiFixture api)
{
    [Fact]
    public async Task A_body_that_is_not_protobuf_is_invalid_argument_logged_once_at_information()
    {
        var method = SchedulingService.Descriptor.FindMethodByName("BookDialogue");
        var before = api.Logs.Entries.Count;

        var error = await Assert.ThrowsAsync<RpcException>(() => RawBodies.CallAsync(api.Channel.CreateCallInvoker(), method, [0x0A, 0x05, 0x41]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("the request is not a valid planering.v1.BookDialogueRequest (protobuf)", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("MALFORMED_REQUEST", error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        var logged = api.Logs.Entries.Skip(before).Where(e => e.Message.Contains("BookDialogueRequest", StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(logged);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("/planering.v1.SchedulingService/BookDialogue", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_nested_string_names_the_field()
    {
        // BookDialogueRequest { slot (3) { office_id (1): ED A0 80 } }: the string is two levels down.
        var slotField = BookDialogueRequest.Descriptor.FindFieldByName("slot");
        var officeField = Slot.Descriptor.FindFieldByName("office_id");
        byte[] inner = [(byte)((officeField.FieldNumber << 3) | 2), 3, 0xED, 0xA0, 0x80];
        byte[] body = [(byte)((slotField.FieldNumber << 3) | 2), (byte)inner.Length, .. inner];

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            RawBodies.CallAsync(api.Channel.CreateCallInvoker(), SchedulingService.Descriptor.FindMethodByName("BookDialogue"), body));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("slot.office_id", violation.Field);
    }
}
