package io.runledger.query.paging;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds {@link RangeParameters} and {@link PageParameters} as {@code @RequestParam(required = false)} binds each of
 * their query parameters: an unreadable {@code limit} is the same type mismatch, answered as before. Spring's own
 * binding of a record (as a model attribute) would answer it as an invalid body instead.
 */
@Component
record QueryParameterRecords() implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RangeParameters.class
                || parameter.getParameterType() == PageParameters.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders)
            throws Exception {
        WebDataBinder binder = binders.createBinder(request, null, parameter.getParameterName());
        if (parameter.getParameterType() == RangeParameters.class) {
            return new RangeParameters(
                    value(request, binder, parameter, "from", String.class),
                    value(request, binder, parameter, "to", String.class));
        }
        return new PageParameters(
                value(request, binder, parameter, "limit", Integer.class),
                value(request, binder, parameter, "cursor", String.class));
    }

    private static <T> T value(
            NativeWebRequest request, WebDataBinder binder, MethodParameter parameter, String name, Class<T> type) {
        String[] given = request.getParameterValues(name);
        // one value as it is, several as an array, as @RequestParam hands them to the conversion
        Object raw = given == null ? null : given.length == 1 ? given[0] : given;
        try {
            return binder.convertIfNecessary(raw, type, parameter);
        } catch (TypeMismatchException mismatch) {
            throw new MethodArgumentTypeMismatchException(raw, type, name, parameter, mismatch.getCause());
        }
    }
}
