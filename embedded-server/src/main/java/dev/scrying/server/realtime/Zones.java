package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Which zone a GPS point is in: the nearest zone whose radius contains it (haversine distance). */
final class Zones {
  private static final double EARTH_RADIUS_M = 6_371_000;

  private Zones() {}

  static Optional<String> at(JsonNode world, double lat, double lng) {
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Iterator<Map.Entry<String, JsonNode>> it = world.path("locations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> z = it.next();
      JsonNode gps = z.getValue().path("gps");
      double d = distanceMeters(lat, lng, gps.path("lat").asDouble(), gps.path("lng").asDouble());
      if (d <= z.getValue().path("radius_m").asDouble(50) && d < bestDistance) {
        best = z.getKey();
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLng = Math.toRadians(lng2 - lng1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
  }
}
