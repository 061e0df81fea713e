package org.vetting.http;

import java.util.ArrayList;
import java.util.List;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;

/**
 * Serves the API over TLS when a keystore is configured ({@code VETTING_TLS_KEYSTORE} and
 * {@code VETTING_TLS_KEYSTORE_PASSWORD}): each plain application connector becomes Dropwizard's https
 * connector on the same address and port. The admin port is left alone (loopback by default).
 */
public final class Tls {
    private Tls() {}

    public static boolean apply(ServerFactory server, String keyStorePath, String keyStorePassword,
                                String keyStoreType) {
        if (keyStorePath == null || keyStorePath.isBlank()) {
            return false;
        }
        if (!(server instanceof DefaultServerFactory factory)) {
            throw new IllegalStateException("TLS is configured for the default server factory only");
        }
        List<ConnectorFactory> connectors = new ArrayList<>();
        for (ConnectorFactory c : factory.getApplicationConnectors()) {
            if (c instanceof HttpConnectorFactory plain && !(c instanceof HttpsConnectorFactory)) {
                HttpsConnectorFactory https = new HttpsConnectorFactory();
                https.setPort(plain.getPort());
                https.setBindHost(plain.getBindHost());
                https.setKeyStorePath(keyStorePath);
                https.setKeyStorePassword(keyStorePassword);
                https.setKeyStoreType(keyStoreType);
                https.setValidateCerts(false);
                connectors.add(https);
            } else {
                connectors.add(c);
            }
        }
        factory.setApplicationConnectors(connectors);
        return true;
    }
}
