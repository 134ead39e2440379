package dev.riskplatform.ingestor.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.io.MarketPriceMessage;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ingestor.mode=replay as `./platform up` runs it: the real 2013 trades reach market_prices through the client path. */
@QuarkusTest
@TestProfile(ReplayModeTest.Replay.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class ReplayModeTest {

    public static class Replay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingestor.mode", "replay", "ingestor.replay.speed", "3000");
        }
    }

    @Test
    void bitstampTradesArriveAsBtcusdtReplayInIdOrderAndTheStreamIsReady() {
        var seen = TopicProbe.readUntil("market_prices", rs -> replayed(rs).size() >= 100, Duration.ofSeconds(60));
        List<MarketPriceMessage.Received> replayed = replayed(seen);
        assertTrue(replayed.size() >= 100, "replayed trades: " + replayed.size());
        for (int i = 0; i < 100; i++) assertEquals(i + 1, replayed.get(i).trade().tradeId(), "ids 1.. in order");
        // First row of bitstamp_trades_from_20131125_usd.csv: 2013-11-25 (epoch seconds ≥ 1385337600).
        assertTrue(replayed.get(0).trade().tradeTime() >= 1_385_337_600_000L);
        given().get("/q/health/ready").then().body("checks.name", hasItem("binance-stream"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static List<MarketPriceMessage.Received> replayed(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> rs) {
        return rs.stream().filter(r -> "BTCUSDT".equals(r.key()) && r.value().contains("\"source\":\"replay\""))
                .map(r -> MarketPriceMessage.parse(r.value())).toList();
    }
}
