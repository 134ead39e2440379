package dev.riskplatform.trainer.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.training.HoldoutSplit;
import dev.riskplatform.core.training.ModelFitter;
import dev.riskplatform.core.training.ModelValidator;
import dev.riskplatform.core.training.Validation;
import dev.riskplatform.trainer.card.CardMarkdown;
import dev.riskplatform.trainer.card.ModelCard;
import dev.riskplatform.trainer.card.ModelCards;
import dev.riskplatform.trainer.dataset.FeatureDataset;
import dev.riskplatform.trainer.dataset.DatasetException;
import dev.riskplatform.trainer.dataset.FeatureDatasetBuilder;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.SymbolSelection;
import dev.riskplatform.service.storage.StoredSymbols;
import java.util.ArrayList;
import java.util.List;
import dev.riskplatform.trainer.registry.ModelRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One training run: dataset → time-ordered holdout split → fit → validate → autoencoder beside it
 * (DL4J, compared on the holdout; trainer.autoencoder.enabled) → card → register
 * (promoted only if validation passed) → model_registry event. Every step logs its progress.
 * Bad input fails before anything is registered; so does a symbol's own model with too little history.
 */
@ApplicationScoped
public class TrainingService {

    private static final Logger LOG = Logger.getLogger(TrainingService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final FeatureDatasetBuilder datasets;
    private final ModelRegistration registration;
    private final TrainerConfig config;

    private final StoredSymbols stored;

    public TrainingService(FeatureDatasetBuilder datasets, ModelRegistration registration, TrainerConfig config,
                           StoredSymbols stored) {
        this.datasets = datasets;
        this.registration = registration;
        this.config = config;
        this.stored = stored;
    }

    public TrainingOutcome train(TrainRequest request) throws ModelArtifactException {
        ResolvedRequest r = ResolvedRequest.of(request, config);
        LOG.infof("training %s on %s %s %s..%s with %s", r.model(), r.dataset().symbol(), r.dataset().spec().interval(),
                r.dataset().from(), r.dataset().to(), r.training());
        FeatureDataset dataset = datasets.build(r.dataset());
        HoldoutSplit split = HoldoutSplit.of(dataset.matrix(), r.training().holdoutFraction());
        requireEnoughHistory(r, split.train().rows());
        long t0 = System.nanoTime();
        ModelFitter.Fitted fitted = ModelFitter.fit(r.dataset().spec(), split.train(), r.training(), Instant.now(), config.codeVersion());
        LOG.infof("fitted %d trees on %d rows in %d ms", r.training().trees(), split.train().rows(), (System.nanoTime() - t0) / 1_000_000);
        Validation v = ModelValidator.validate(fitted.bytes(), r.dataset().spec(), split.holdout(), r.training());
        LOG.infof("validation on %d holdout rows: %s", v.holdoutRows(), v.passed() ? "passed" : v.reason());
        String sha = RegisteredModel.contentHash(fitted.bytes());
        AutoencoderStep.Result ae = config.autoencoder().enabled()
                ? AutoencoderStep.run(r, config.autoencoder(), dataset, split, fitted, config.codeVersion()) : null;
        ModelCard card = ModelCards.build(r.model(), r.dataset(), dataset, split, fitted, sha, v, r.training(), config.topAnomalies(),
                ae == null ? null : ae.info(), ae == null ? null : ae.comparison());
        ModelRegistration.Registered reg = registration.register(r.model(), fitted.bytes(), r.dataset().spec(), v.passed(), v.reason(),
                Map.of("card.json", json(card), "card.md", CardMarkdown.render(card).getBytes(StandardCharsets.UTF_8)),
                ae == null ? null : ae.bytes());
        return new TrainingOutcome(r.model(), reg.entry().version(), v.passed(), v.reason(), reg.entry().artifactKey(), sha,
                dataset.key(), dataset.reused(), split.train().rows(), split.holdout().rows(), fitted.artifact().threshold().value(),
                v.holdoutAlertRate(), reg.eventPublished());
    }

    /**
     * Each symbol's own model ({@code symbols}: a list, or {@code ALL}/{@code *} and quote filters such as {@code *USDT}
     * over the symbols with raw bars of the interval, core.market.SymbolSelection), one after the other; a symbol
     * refused for its input (too little history, a missing day) does not stop the others. Storage failures do.
     */
    public SymbolOutcomes trainEach(TrainRequest request) throws ModelArtifactException {
        if (request.symbol() != null || request.model() != null) {
            throw new IllegalArgumentException("symbols trains each symbol's own model: give neither symbol nor model with it");
        }
        List<TrainingOutcome> trained = new ArrayList<>();
        List<SymbolOutcomes.Refused> refused = new ArrayList<>();
        for (String symbol : symbols(request)) {
            try {
                trained.add(train(request.forSymbol(symbol)));
            } catch (DatasetException | IllegalArgumentException e) {
                String model = ownModel(symbol);
                LOG.warnf("%s: own model %s not trained (%s); %s keeps scoring it", symbol, model, e.getMessage(), config.job().model());
                refused.add(new SymbolOutcomes.Refused(symbol, model, e.getMessage(), config.job().model()));
            }
        }
        return new SymbolOutcomes(trained, refused);
    }

    private List<String> symbols(TrainRequest request) {
        SymbolSelection selection = SymbolSelection.parse(request.symbols());
        if (!selection.followsUniverse()) {
            if (selection.explicit().isEmpty()) throw new IllegalArgumentException("symbols is empty");
            return selection.explicit();
        }
        BarInterval interval = BarInterval.parse(request.interval() != null ? request.interval() : config.job().interval());
        List<String> chosen = selection.selectByName(stored.withBars(interval));
        if (chosen.isEmpty()) throw new IllegalArgumentException("no symbol with raw bars of that interval in S3 matches " + request.symbols());
        return chosen;
    }

    private String ownModel(String symbol) {
        try {
            return SymbolModels.nameFor(config.job().model(), symbol);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A symbol's own model needs enough training rows for its threshold: at least {@code trainer.min-training-alerts}
     * of them above it at the operating point's rate. With fewer the threshold rests on a handful of bars, so the
     * symbol is refused and stays on the default model. A named model is trained on what it is given, as before.
     */
    private void requireEnoughHistory(ResolvedRequest r, int trainRows) {
        if (r.fallbackModel() == null) return;
        long needed = (long) Math.ceil(config.minTrainingAlerts() / r.training().alertRate());
        if (trainRows >= needed) return;
        throw new DatasetException(r.dataset().symbol() + " has too little history for a model of its own: " + trainRows
                + " training rows in " + r.dataset().from() + ".." + r.dataset().to() + ", its operating point needs " + needed
                + " (" + config.minTrainingAlerts() + " training bars above the threshold); nothing registered, "
                + r.fallbackModel() + " keeps scoring " + r.dataset().symbol());
    }

    private static byte[] json(ModelCard card) {
        try {
            return JSON.writeValueAsBytes(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
