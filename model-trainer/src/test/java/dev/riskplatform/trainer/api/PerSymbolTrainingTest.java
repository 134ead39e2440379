package dev.riskplatform.trainer.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.trainer.RawBarsFixture;
import dev.riskplatform.trainer.training.TrainRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A model per symbol through POST /train: without a model name a symbol's own model is trained and registered as
 * {@code btc-iforest-<symbol>}; {@code symbols} trains several, each on its own history with its own threshold; a
 * symbol with too little history is refused with the reason and the default model that keeps scoring it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PerSymbolTrainingTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    private static final String BASE = "btc-iforest";

    @Inject
    ObjectStore store;
    @Inject
    ModelRegistryStore registry;

    @Test
    void symbolsTenTimesApartInVolatilityEachGetTheirOwnModelAndThreshold() throws Exception {
        String calm = RawBarsFixture.symbol(), wild = RawBarsFixture.symbol(), young = RawBarsFixture.symbol();
        writeDays(calm, 5, 0.0005);
        writeDays(wild, 5, 0.005);
        writeDays(young, 2, 0.0005);

        JsonPath one = given().contentType(ContentType.JSON).body(TrainRequest.of(calm, "1m", DAY.toString(), DAY.plusDays(4).toString(), null))
                .post("/train").then().statusCode(200).extract().jsonPath();
        assertEquals(SymbolModels.nameFor(BASE, calm), one.getString("model"));
        assertTrue(one.getBoolean("promoted"), one.prettify());

        JsonPath many = given().contentType(ContentType.JSON)
                .body(TrainRequest.ofSymbols(List.of(wild, young), "1m", DAY.toString(), DAY.plusDays(4).toString()))
                .post("/train").then().statusCode(200).extract().jsonPath();
        assertEquals(1, many.getList("trained").size(), many.prettify());
        assertEquals(SymbolModels.nameFor(BASE, wild), many.getString("trained[0].model"));
        assertTrue(many.getBoolean("trained[0].promoted"), many.prettify());
        assertEquals(young, many.getString("refused[0].symbol"));
        assertEquals(BASE, many.getString("refused[0].fallbackModel"));
        assertTrue(many.getString("refused[0].reason").contains("missing partition"), many.getString("refused[0].reason"));

        RegisteredModel calmModel = registry.loadPromoted(SymbolModels.nameFor(BASE, calm));
        RegisteredModel wildModel = registry.loadPromoted(SymbolModels.nameFor(BASE, wild));
        assertNotEquals(calmModel.artifact().threshold().value(), wildModel.artifact().threshold().value());
        // (JsonPath reads numbers as floats)
        assertEquals(one.getDouble("threshold"), calmModel.artifact().threshold().value(), 1e-6 * calmModel.artifact().threshold().value());
        assertEquals(many.getDouble("trained[0].threshold"), wildModel.artifact().threshold().value(), 1e-6 * wildModel.artifact().threshold().value());
        // Each model's operating point was met on its own symbol's holdout (validation passed): 3 alerts a day.
        for (JsonPath p : List.of(one, many.setRootPath("trained[0]"))) {
            assertTrue(p.getDouble("holdoutAlertRate") > 0 && p.getDouble("holdoutAlertRate") < 9.0 / 1440, p.prettify());
        }
    }

    @Test
    void aSymbolWithTooLittleHistoryIsRefusedWithTheReasonAndKeepsTheDefault() {
        String young = RawBarsFixture.symbol();
        writeDays(young, 2, 0.0005);
        String body = given().contentType(ContentType.JSON).body(TrainRequest.of(young, "1m", DAY.toString(), DAY.plusDays(1).toString(), null))
                .post("/train").then().statusCode(400).extract().asString();
        assertTrue(body.contains("too little history") && body.contains(BASE + " keeps scoring " + young), body);
        assertTrue(store.list("models/" + SymbolModels.nameFor(BASE, young) + "/").isEmpty(), "nothing was registered");
    }

    @Test
    void aQuoteFilterTrainsTheOwnModelOfEveryStoredSymbolOfThatQuote() {
        String quote = "Q" + RawBarsFixture.symbol().substring(1, 6); // a quote no other test stores
        List<String> symbols = List.of("TA" + quote, "TB" + quote);
        for (String s : symbols) writeDays(s, 5, 0.001);
        JsonPath many = given().contentType(ContentType.JSON)
                .body(TrainRequest.ofSymbols(List.of("*" + quote.toLowerCase()), "1m", DAY.toString(), DAY.plusDays(4).toString()))
                .post("/train").then().statusCode(200).extract().jsonPath();
        assertEquals(symbols.stream().map(s -> SymbolModels.nameFor(BASE, s)).toList(), many.getList("trained.model"), many.prettify());
        given().contentType(ContentType.JSON).body(TrainRequest.ofSymbols(List.of("*NOSUCHQUOTE"), "1m", DAY.toString(), DAY.toString()))
                .post("/train").then().statusCode(400);
    }

    private void writeDays(String symbol, int days, double sigma) {
        RawBarsFixture.write(store, IntStream.range(0, days)
                .mapToObj(d -> RawBarsFixture.walk(symbol, DAY.plusDays(d), 1440, 31 + d, 0, sigma)).flatMap(List::stream).toList(), true);
    }
}
