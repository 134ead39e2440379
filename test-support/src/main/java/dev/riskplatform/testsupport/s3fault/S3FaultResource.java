package dev.riskplatform.testsupport.s3fault;

import dev.riskplatform.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * As {@code RealInfrastructureResource}, with the service's S3 traffic through one
 * {@link S3FaultProxy} (shared by the JVM, like the infrastructure behind it). A test sets the
 * plan with {@code S3FaultResource.proxy().plan(...)} and sets {@link FaultPlan#NONE} back at its end.
 * Declare it with {@code restrictToAnnotatedClass = true}: only that class's service then talks through the proxy.
 */
public class S3FaultResource implements QuarkusTestResourceLifecycleManager {

    private static S3FaultProxy proxy;

    public static synchronized S3FaultProxy proxy() {
        if (proxy == null) {
            int port = RealInfrastructure.get().s3().port();
            proxy = new S3FaultProxy("127.0.0.1", port);
            Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "s3-fault-proxy-shutdown"));
        }
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(RealInfrastructure.get().quarkusConfig());
        config.put("quarkus.s3.endpoint-override", proxy().endpoint());
        return config;
    }

    /**
     * Started after {@code RealInfrastructureResource} (order 0), which is global in every module and sets the direct
     * endpoint. Quarkus merges the resources' config in start order, the later value winning: at order 1 the proxy's
     * endpoint wins, whatever order resources of equal order start in.
     */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void stop() {
        proxy().plan(FaultPlan.NONE);
    }
}
