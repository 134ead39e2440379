package dev.riskplatform.batch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.run.MarketRun;
import dev.riskplatform.batch.run.RunOnce;
import dev.riskplatform.batch.run.Shard;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs of many symbols: {@code *QUOTE} resolved from the symbols with stored bars of the interval, split into shards
 * that together take every symbol once, started over HTTP and followed to its report, and run one shard at a time as
 * an Indexed Job's pod does. The symbols end in XYZQ, a quote no other test stores.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MarketRunTest extends BatchTestBase {

    private static final List<String> SYMBOLS = List.of("MKAXYZQ", "MKBXYZQ", "MKCXYZQ");
    private static final LocalDate DAY = LocalDate.of(2023, 5, 10);

    @Inject
    MarketRun market;

    @Test
    void aQuoteFilterTakesTheSymbolsWithBarsOfTheIntervalAndShardsSplitThem() {
        storeDay(DAY);
        store.put("raw/bars/symbol=MKDXYZQ/interval=5m/date=" + DAY + "/part-x.parquet", new byte[] {1}, "application/octet-stream");
        assertEquals(SYMBOLS, market.symbols(List.of("*xyzq"), Shard.WHOLE), "MKDXYZQ has 5m bars only");
        List<String> shard0 = market.symbols(List.of("*XYZQ"), new Shard(0, 2));
        List<String> shard1 = market.symbols(List.of("*XYZQ"), new Shard(1, 2));
        assertEquals(List.of("MKAXYZQ", "MKCXYZQ"), shard0);
        assertEquals(List.of("MKBXYZQ"), shard1);
        assertEquals(List.of("ZZZUSDT"), market.symbols(List.of("ZZZUSDT"), Shard.WHOLE), "an explicit symbol is taken as given");
    }

    @Test
    void aRunOfAllSymbolsStartedOverHttpIsFollowedToItsReport() throws InterruptedException {
        LocalDate day = DAY.plusDays(1);
        storeDay(day);
        JsonPath started = given().queryParam("symbols", "*XYZQ").queryParam("date", day.toString())
                .when().post("/runs").then().statusCode(202).extract().jsonPath();
        assertEquals(3, started.getInt("symbols"));
        JsonPath status = awaitFinished(started.getString("id"));
        assertEquals(0, status.getInt("exitCode"), status.prettify());
        assertEquals(3, status.getInt("symbolsDone"));
        assertEquals(SYMBOLS, status.getList("report.symbols.symbol"));
        for (String s : SYMBOLS) assertTrue(outputs.current(s, day).isPresent(), s + " was run");
        given().when().get("/runs/999999").then().statusCode(404);
        given().queryParam("symbols", "BTC*").queryParam("date", day.toString()).when().post("/runs").then().statusCode(400);
        given().queryParam("symbols", "*NOSUCHQ").queryParam("date", day.toString()).when().post("/runs").then().statusCode(400);
    }

    @Test
    void theOneShotModeRunsItsShardOnly() {
        LocalDate day = DAY.plusDays(2);
        storeDay(day);
        assertEquals(0, RunOnce.runAll(market, List.of("*XYZQ"), new Shard(1, 2), day, day));
        assertTrue(outputs.current("MKBXYZQ", day).isPresent(), "shard 1/2 holds MKBXYZQ");
        assertTrue(outputs.current("MKAXYZQ", day).isEmpty() && outputs.current("MKCXYZQ", day).isEmpty(), "the other shard's symbols wait for it");
        assertEquals(0, RunOnce.runAll(market, List.of("*XYZQ"), new Shard(5, 6), day, day), "more shards than symbols: nothing to do");
        assertEquals(1, RunOnce.runAll(market, List.of("*NOSUCHQ"), Shard.WHOLE, day, day), "a selection of nothing is an error");
    }

    private void storeDay(LocalDate day) {
        long seed = 300;
        for (String s : SYMBOLS) BatchFixtures.writeRaw(writer, s, day, BatchFixtures.day(s, day, seed++, 2_000));
    }

    private static JsonPath awaitFinished(String id) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            JsonPath p = given().when().get("/runs/" + id).then().statusCode(200).extract().jsonPath();
            seen.add(p.getString("state"));
            if (!"running".equals(p.getString("state"))) return p;
            Thread.sleep(100);
        }
        throw new AssertionError("market run " + id + " still running after 60 s: " + seen.get(seen.size() - 1));
    }
}
