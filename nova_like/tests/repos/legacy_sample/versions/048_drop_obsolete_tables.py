#    Licensed under the Apache License, Version 2.0 (the "License"); you may
#    not use this file except in compliance with the License. You may obtain
#    a copy of the License at
#
#         http://www.apache.org/licenses/LICENSE-2.0
#
#    Unless required by applicable law or agreed to in writing, software
#    distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
#    WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
#    License for the specific language governing permissions and limitations
#    under the License.

from sqlalchemy import Column, Integer, MetaData, Table


def upgrade(migrate_engine):
    meta = MetaData(bind=migrate_engine)

    # Tokens are kept by the identity service since Bexar.
    auth_tokens = Table('auth_tokens', meta, autoload=True)
    auth_tokens.drop()

    # Some deployments dropped this one by hand already.
    certificates = Table('certificates', meta,
                         Column('id', Integer, primary_key=True))
    certificates.drop(checkfirst=True)
