package org.vetting.http;

import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.ContainerRequest;
import org.vetting.common.Language;

/**
 * The reader's language, from the request's {@code Accept-Language}: a resource takes it as
 * {@code @Context Language language} instead of reading the header itself.
 */
public final class ReaderLanguage implements Supplier<Language> {
    private final Provider<ContainerRequest> request;

    @Inject
    public ReaderLanguage(Provider<ContainerRequest> request) {
        this.request = request;
    }

    @Override
    public Language get() {
        return Language.from(request.get().getAcceptableLanguages());
    }

    /** Registers the language for injection into resources. */
    public static AbstractBinder binder() {
        return new AbstractBinder() {
            @Override
            protected void configure() {
                // the factory made once (its Provider reads each request's headers), the language once per request
                bindFactory(ReaderLanguage.class, Singleton.class).to(Language.class).in(RequestScoped.class);
            }
        };
    }
}
