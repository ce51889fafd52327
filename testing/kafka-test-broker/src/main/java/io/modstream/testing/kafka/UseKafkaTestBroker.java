package io.modstream.testing.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a Spring test's application context at {@link KafkaTestBroker}: {@code spring.kafka.bootstrap-servers} is
 * set to its address (the broker starts on first use), above every other property source, as a
 * {@code @DynamicPropertySource} method registering it would. Test classes whose configuration is otherwise equal
 * share one cached context, which a {@code @DynamicPropertySource} method of each class's own would prevent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(KafkaTestBrokerProperty.class)
public @interface UseKafkaTestBroker {}
