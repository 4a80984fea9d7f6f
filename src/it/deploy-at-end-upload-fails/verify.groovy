import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert puts(registry).isEmpty()
    assertLogContains(basedir,
        'acme/core/4.0 already holds a file of the same name with other content; nothing was uploaded:',
        'With deployAtEnd, do not resume with -rf: a resumed build holds only the modules from the resume'
            + ' point and would publish their files alone. Run the whole build again.')
}
