using Grpc.Core;
using Planering.Web.Text;

namespace Planering.Web.Api;

/// <summary>The API's refusals as a user reads them: a plain sentence, the API's own detail after it.</summary>
public static class ApiErrors
{
    public static string Message(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = exception.Status.Detail;
        return exception.StatusCode switch
        {
            StatusCode.PermissionDenied => L.T(
                "Du har inte behörighet till det här. Be den som delar ut roller om rätt roll (bokare för bokningar, planerare för kontor och planer).",
                "You do not have permission for this. Ask for the right role (scheduler for bookings, planner for offices and plans)."),
            StatusCode.Unauthenticated => L.T("Din inloggning har gått ut. Logga in igen.", "Your sign-in has expired. Sign in again."),
            StatusCode.InvalidArgument => L.T($"Uppgifterna godtogs inte: {detail}", $"The input was not accepted: {detail}"),
            StatusCode.NotFound => L.T($"Hittades inte: {detail}", $"Not found: {detail}"),
            StatusCode.FailedPrecondition => L.T($"Det går inte just nu: {detail}", $"Not possible: {detail}"),
            StatusCode.Aborted => L.T($"Någon hann före: {detail}", $"Someone was first: {detail}"),
            StatusCode.AlreadyExists => L.T($"Finns redan: {detail}", $"Already exists: {detail}"),
            StatusCode.ResourceExhausted => L.T("För många anrop just nu; försök igen om en stund.", "Too many calls right now; try again shortly."),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => L.T("Planeringssystemet svarar inte just nu; försök igen om en stund.", "The planning system is not answering; try again shortly."),
            _ => L.T($"Något gick fel ({exception.StatusCode}).", $"Something went wrong ({exception.StatusCode})."),
        };
    }
}
