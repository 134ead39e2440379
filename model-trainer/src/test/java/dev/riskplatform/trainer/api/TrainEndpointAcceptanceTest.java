package dev.riskplatform.trainer.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.artifact.AutoencoderArtifact;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import dev.riskplatform.testsupport.TopicSchemas;
import dev.riskplatform.trainer.RawBarsFixture;
import dev.riskplatform.trainer.training.TrainRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 acceptance, on S3Proxy and the real broker: raw bars in S3 → POST /train → artifact and
 * card under models/<name>/vN/, registry promoted to vN, event on model_registry; a model that
 * fails validation is stored, listed as not promoted, and the promoted version stays.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TrainEndpointAcceptanceTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ObjectStore store;

    @Inject
    ModelRegistryStore registry;

    @Test
    void trainsRegistersPromotesAndAnnouncesThenKeepsThePromotedVersionWhenValidationFails() throws Exception {
        String symbol = RawBarsFixture.symbol();
        String model = "it-" + UUID.randomUUID().toString().substring(0, 8);
        RawBarsFixture.write(store, IntStream.range(0, 3)
                .mapToObj(d -> RawBarsFixture.walk(symbol, DAY.plusDays(d), 1440, 11 + d, 100)).flatMap(List::stream).toList(), true);
        TrainRequest request = TrainRequest.of(symbol, "1m", DAY.toString(), DAY.plusDays(2).toString(), model);

        JsonPath ok = post(request);
        int v = ok.getInt("version");
        assertTrue(ok.getBoolean("promoted"), ok.prettify());
        assertTrue(store.get(ModelRegistryStore.artifactKey(model, v)).isPresent());
        JsonNode card = JSON.readTree(store.get(ModelRegistryStore.versionPrefix(model, v) + "card.json").orElseThrow());
        assertEquals(10, card.get("topAnomalies").size());
        assertEquals(ok.getInt("trainRows"), card.at("/data/trainRows").asInt());
        assertTrue(new String(store.get(ModelRegistryStore.versionPrefix(model, v) + "card.md").orElseThrow()).contains("## Top anomalies"));
        assertEquals(v, registry.loadPromoted(model).version(), "the registry points at the new, verified version");
        assertAutoencoderCompanion(model, v, card);
        assertEvent(model, v, true);

        // No served score spreads a billion: validation must refuse it as degenerate.
        JsonPath refused = post(request.withMinScoreSpread(1e9));
        assertFalse(refused.getBoolean("promoted"));
        assertTrue(refused.getString("reason").contains("degenerate"), refused.getString("reason"));
        assertTrue(refused.getBoolean("datasetReused"), "the identical dataset request reused the dataset");
        RegistryDocument doc = registry.read(model).orElseThrow();
        assertEquals(v, doc.promotedVersion(), "a model that failed validation does not replace the promoted one");
        assertEquals(refused.getString("reason"), doc.version(refused.getInt("version")).orElseThrow().reason());
        assertEvent(model, refused.getInt("version"), false);
    }

    @Test
    void queryParametersWorkAndBadInputIsA400NamingTheObjectWithNothingRegistered() {
        String symbol = RawBarsFixture.symbol();
        String model = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        String body = given().queryParam("symbol", symbol).queryParam("from", DAY.toString()).queryParam("to", DAY.toString())
                .queryParam("model", model).post("/train").then().statusCode(400).extract().asString();
        assertTrue(body.contains("missing partition") && body.contains("symbol=" + symbol), body);
        assertTrue(store.list("models/" + model + "/").isEmpty(), "nothing was registered");
    }

    /**
     * The default recipe: feature spec v2 served as tail-blend at 3 alerts a day, which the registry, the artifact
     * and the card all say; autoencoder.json beside the forest, listed and verified by hash, not served.
     */
    private void assertAutoencoderCompanion(String model, int v, JsonNode card) throws Exception {
        RegistryEntry e = registry.read(model).orElseThrow().version(v).orElseThrow();
        assertEquals(RegistryEntry.TAIL_BLEND, e.scorer());
        assertEquals("tail-blend", registry.loadPromoted(model).artifact().scorer().id());
        assertEquals("tail-blend", card.at("/threshold/scorer").asText());
        assertEquals(3.0, card.at("/threshold/alertsPerDay").asDouble(), 1e-9);
        RegistryEntry.Companion c = e.companion(RegistryEntry.AUTOENCODER).orElseThrow();
        assertEquals(ModelRegistryStore.versionPrefix(model, v) + "autoencoder.json", c.artifactKey());
        AutoencoderArtifact ae = RegisteredModel.verifyAutoencoder(model, e, store.get(c.artifactKey()).orElseThrow());
        assertEquals(c.sha256(), card.at("/autoencoder/artifactSha256").asText());
        assertEquals(6, ae.model().featureCount());
        assertTrue(card.get("comparison") == null || card.get("comparison").isNull(), "no injected-jump comparison for v2");
        assertTrue(new String(store.get(ModelRegistryStore.versionPrefix(model, v) + "card.md").orElseThrow())
                .contains("## Operating point"));
    }

    private static JsonPath post(TrainRequest request) {
        return given().contentType(ContentType.JSON).body(request).post("/train").then().statusCode(200).extract().jsonPath();
    }

    private static void assertEvent(String model, int version, boolean promoted) throws Exception {
        var seen = TopicProbe.readUntil("model_registry", rs -> rs.stream().anyMatch(r -> matches(r.value(), model, version)),
                Duration.ofSeconds(30));
        var record = seen.stream().filter(r -> matches(r.value(), model, version)).findFirst().orElseThrow();
        JsonNode e = JSON.readTree(record.value());
        assertEquals(model, record.key());
        assertEquals(promoted, e.get("promoted").asBoolean());
        assertEquals(ModelRegistryStore.artifactKey(model, version), e.get("artifactKey").asText());
        assertEquals(30, e.at("/featureSpec/volatilityWindow").asInt());
        assertEquals(List.of(), TopicSchemas.violations("model_registry", record.value()), record.value());
    }

    /** The event's own model and version (the feature spec inside it has a "version" too). */
    private static boolean matches(String value, String model, int version) {
        try {
            JsonNode e = JSON.readTree(value);
            return model.equals(e.path("model").asText()) && e.path("version").asInt() == version;
        } catch (java.io.IOException ex) {
            return false;
        }
    }
}
