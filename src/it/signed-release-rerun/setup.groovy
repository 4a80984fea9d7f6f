import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.ThrowawayGpgKey

It.setUp(context)
It.userProperty(context, 'it.gpg.home', It.keep(context, 'gpg', ThrowawayGpgKey.create()).home())
