using LiveTrack.History;

namespace LiveTrack.Server.Apis.History;

/// <summary><c>GET /api/history/status</c>: this silo's history writer and what the store holds.</summary>
public sealed record HistoryStatus(HistoryWriterStatus Writer, HistoryStoreInfo Store);
