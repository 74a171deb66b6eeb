using LiveTrack.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveTrack();

var app = builder.Build();
app.MapLiveTrack();
app.Run();

/// <summary>Entry point, public for functional tests.</summary>
public partial class Program;
